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
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pipeline.Presets;
import support.Ulid;

/**
 * {@code POST /v1/uploads}: checks the request and chooses the job id and the key; once the route has
 * stored the job PENDING, presigns a PUT that S3 only accepts with the declared type and exact size, once.
 */
@ApplicationScoped
@Named("uploads")
public class Uploads {

    private final ObjectUrls urls;
    private final Presets presets;
    private final String bucket;
    private final Set<String> allowedTypes;
    private final long maxBytes;
    private final RequestLimits limits;

    public Uploads(ObjectUrls urls, Presets presets, @ConfigProperty(name = "app.s3.bucket") String bucket,
            @ConfigProperty(name = "app.uploads.allowed-content-types") Set<String> allowedTypes,
            @ConfigProperty(name = "app.limits.max-bytes") long maxBytes, RequestLimits limits) {
        this.urls = urls;
        this.presets = presets;
        this.bucket = bucket;
        this.allowedTypes = allowedTypes;
        this.maxBytes = maxBytes;
        this.limits = limits;
    }

    /** Validates the owner's request (the JSON body): the new job, PENDING until its file arrives. */
    public Job prepare(@Variable("owner") String owner, @Body String body) {
        UploadRequest request = UploadRequest.parse(body, presets.defaultName(), limits);
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
        return Job.create(jobId, owner, request.preset(), Map.of(),
                List.of(new SourceObject(bucket, key, request.size(), request.contentType())), now);
    }

    /** The 201 body for the stored job: where to PUT the file (presigned now) and where to poll. */
    public UploadCreated created(Job job) {
        SourceObject source = job.images().get(0).source();
        Presigned upload = urls.upload(source.bucket(), source.key(), source.contentType(), source.bytes());
        return new UploadCreated(job.jobId(), job.status(), upload, source.bucket(), source.key(),
                "/v1/jobs/" + job.jobId());
    }
}
