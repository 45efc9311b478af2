package api;

import aws.ObjectUrls;
import aws.Presigned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jobs.Job;
import jobs.SourceObject;
import jobs.StorageLayout;
import org.apache.camel.Exchange;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pipeline.Presets;
import support.Ulid;

/**
 * {@code POST /v1/uploads}: checks the request, chooses the job id and the key, and presigns a PUT that
 * S3 only accepts with the declared type and exact size. The route stores the job ({@link JobsApi#JOB}) PENDING.
 */
@ApplicationScoped
@Named("uploads")
public class Uploads {

    private final ObjectUrls urls;
    private final Presets presets;
    private final String bucket;
    private final Set<String> allowedTypes;
    private final long maxBytes;

    public Uploads(ObjectUrls urls, Presets presets, @ConfigProperty(name = "app.s3.bucket") String bucket,
            @ConfigProperty(name = "app.uploads.allowed-content-types") Set<String> allowedTypes,
            @ConfigProperty(name = "app.limits.max-bytes") long maxBytes) {
        this.urls = urls;
        this.presets = presets;
        this.bucket = bucket;
        this.allowedTypes = allowedTypes;
        this.maxBytes = maxBytes;
    }

    /** Validates the request and leaves the new job in {@link #JOB} and the presigned upload in the body. */
    public Presigned prepare(Exchange exchange) {
        String owner = Caller.owner(exchange);
        UploadRequest request = UploadRequest.parse(exchange.getMessage().getBody(String.class), presets.defaultName());
        if (!allowedTypes.contains(request.contentType())) {
            throw new ApiException(400, "unsupported-media-type", "contentType '%s' is not accepted; allowed: %s"
                    .formatted(request.contentType(), String.join(", ", allowedTypes)));
        }
        if (request.size() == 0) {
            throw new ApiException(400, "not-an-image", "size is 0: an empty file is not an image");
        }
        if (request.size() > maxBytes) {
            throw new ApiException(400, "too-large", "size is %,d bytes; the limit is %,d bytes"
                    .formatted(request.size(), maxBytes));
        }
        ApiException.requirePreset(presets, request.preset());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String jobId = Ulid.next(now);
        String key = StorageLayout.uploadKey(owner, jobId, request.fileName());
        Job job = Job.create(jobId, owner, request.preset(), Map.of(),
                List.of(new SourceObject(bucket, key, request.size(), request.contentType())), now);
        exchange.setProperty(JobsApi.JOB, job);
        return urls.upload(bucket, key, request.contentType(), request.size());
    }

    /** The 201 body: where to PUT the file and where to poll. */
    public UploadCreated created(Exchange exchange) {
        Job job = exchange.getProperty(JobsApi.JOB, Job.class);
        SourceObject source = job.images().get(0).source();
        return new UploadCreated(job.jobId(), job.status(), exchange.getMessage().getBody(Presigned.class),
                source.bucket(), source.key(), "/v1/jobs/" + job.jobId());
    }
}
