package compat;

import api.ApiException;
import api.Batches;
import api.RequestLimits;
import aws.ObjectUrls;
import aws.Presigned;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jobs.ImageError;
import jobs.ImageRecord;
import jobs.Job;
import jobs.Status;
import jobs.StorageLayout;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pipeline.Presets;
import support.Json;
import support.Ulid;

/**
 * The "async batch API" of an earlier system (compat-routes/async-batch.yaml), over the same beans as
 * {@code /v1}: presign an upload, process images already uploaded as one batch job, and read the job with
 * object detections. Shapes as its clients expect them (see README "Compatibility routes").
 */
@ApplicationScoped
@Named("asyncBatchApi")
public class AsyncBatchApi {

    private final ObjectUrls urls;
    private final String bucket;
    private final Set<String> allowedTypes;
    private final String preset;
    private final RequestLimits limits;

    public AsyncBatchApi(ObjectUrls urls, Presets presets, @ConfigProperty(name = "app.s3.bucket") String bucket,
            @ConfigProperty(name = "app.uploads.allowed-content-types") Set<String> allowedTypes,
            @ConfigProperty(name = "app.compat.batch-preset") String preset, RequestLimits limits) {
        this.urls = urls;
        this.bucket = bucket;
        this.allowedTypes = allowedTypes;
        this.limits = limits;
        this.preset = CompatRequests.requirePreset(presets, preset, "app.compat.batch-preset");
    }

    /** {@code POST /uploads/presign}'s answer. */
    public record PresignedUpload(String url, String key, String bucket) {
    }

    /** {@code POST /process}'s answer. */
    public record ProcessAccepted(boolean success, String jobId, Status status, String message, int imageCount) {
    }

    /**
     * {@code GET /jobs/{jobId}}'s answer: {@code detections} once the job has ended, one entry per image (a
     * failed image with no detections and its {@code error}, which the old API did not have).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobStatus(String jobId, Status status, int imageCount, List<ImageDetections> detections,
            Instant createdAt, Instant updatedAt) {
    }

    /** One image's detections. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImageDetections(String imageUrl, int imageIndex, List<Detections.Detection> detections,
            int detectionCount, ImageError error) {
    }

    /**
     * A presigned PUT for {@code {"filename", "contentType"}}: a server-chosen key under the caller's
     * uploads, the content type signed, no length (the old clients send none). No job is made: the upload
     * waits for {@code POST /process}, as in the old system.
     *
     * @throws ApiException 400 {@code invalid-request} without a contentType or with a field over the
     *         {@code /v1} request limits, {@code unsupported-media-type} for a type uploads do not accept
     */
    public PresignedUpload presign(@Variable("owner") String owner, @Body String body) {
        JsonNode request = CompatRequests.object(body);
        String contentType = CompatRequests.text(request, "contentType", limits.contentTypeBytes());
        if (contentType == null) {
            throw ApiException.invalid("contentType is required, e.g. \"image/jpeg\"");
        }
        CompatRequests.requireAllowed(allowedTypes, contentType);
        String fileName = CompatRequests.text(request, "filename", limits.fileNameBytes());
        String key = StorageLayout.uploadKey(owner, Ulid.next(Instant.now()), fileName);
        Presigned upload = urls.looseUpload(bucket, key, contentType);
        return new PresignedUpload(upload.url(), key, bucket);
    }

    /**
     * The {@code POST /process} request ({@code {"imageUrls", "userId", "metadata"}}) as the {@code POST /v1/jobs}
     * request it means, for the batch rules. {@code userId} is not used: the owner is always the token's subject.
     *
     * @throws ApiException 400 {@code invalid-request} when imageUrls is not a list of 1 to 50 strings
     */
    public String batchRequest(@Body String body) {
        JsonNode request = CompatRequests.object(body);
        JsonNode imageUrls = request.path("imageUrls");
        if (!imageUrls.isArray() || imageUrls.isEmpty() || imageUrls.size() > Batches.MAX_IMAGES) {
            throw ApiException.invalid("imageUrls must be an array of 1 to " + Batches.MAX_IMAGES
                    + " s3:// URIs under your uploads");
        }
        for (int i = 0; i < imageUrls.size(); i++) {
            if (!imageUrls.get(i).isTextual()) {
                throw ApiException.invalid("imageUrls[" + i + "] must be a string such as s3://" + bucket + "/uploads/...");
            }
        }
        ObjectNode batch = Json.MAPPER.createObjectNode();
        batch.set("images", imageUrls);
        batch.put("preset", preset);
        if (request.has("metadata")) {
            batch.set("metadata", request.get("metadata"));
        }
        return Json.write(batch);
    }

    public ProcessAccepted accepted(@Variable("job") Job job) {
        int count = job.images().size();
        return new ProcessAccepted(true, job.jobId(), job.status(), "Job created for " + count + " image(s)", count);
    }

    /** The caller's job (the body, as {@code GET /v1/jobs/{jobId}} reads it) in the old shape. */
    public JobStatus status(@Body Job job) {
        List<ImageDetections> detections = null;
        if (job.status().ended()) {
            detections = new ArrayList<>();
            for (int i = 0; i < job.images().size(); i++) {
                ImageRecord image = job.images().get(i);
                List<Detections.Detection> found = Detections.of(image);
                detections.add(new ImageDetections("s3://" + image.source().bucket() + "/" + image.source().key(), i,
                        found, found.size(), image.error()));
            }
        }
        return new JobStatus(job.jobId(), job.status(), job.images().size(), detections, job.createdAt(),
                job.updatedAt());
    }
}
