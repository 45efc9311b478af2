package compat;

import api.ApiException;
import api.RequestLimits;
import aws.ObjectUrls;
import aws.Presigned;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jobs.ImageRecord;
import jobs.Job;
import jobs.SourceObject;
import jobs.StorageLayout;
import jobs.VariantRecord;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pipeline.Presets;
import support.Json;
import support.Ulid;

/**
 * The "image analysis backend" of an earlier system (compat-routes/analysis-backend.yaml): request an
 * upload (one job, one image, labels and DICOM conversion by the pipeline) and get its results. Shapes as
 * its clients expect them (see README "Compatibility routes").
 */
@ApplicationScoped
@Named("analysisBackend")
public class AnalysisBackendApi {

    private final ObjectUrls urls;
    private final String bucket;
    private final Set<String> allowedTypes;
    private final String preset;
    private final RequestLimits limits;

    public AnalysisBackendApi(ObjectUrls urls, Presets presets, @ConfigProperty(name = "app.s3.bucket") String bucket,
            @ConfigProperty(name = "app.uploads.allowed-content-types") Set<String> allowedTypes,
            @ConfigProperty(name = "app.compat.analysis-preset") String preset, RequestLimits limits) {
        this.urls = urls;
        this.bucket = bucket;
        this.allowedTypes = allowedTypes;
        this.limits = limits;
        this.preset = CompatRequests.requirePreset(presets, preset, "app.compat.analysis-preset");
    }

    /** {@code POST /request-upload}'s answer. */
    public record UploadRequested(String uploadUrl, String jobId) {
    }

    /**
     * {@code GET /get-results}' answer. Every field is always there: {@code results} and {@code imageUrl}
     * are null until the image is complete, {@code error} is null unless it failed.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Results(String status, Analysis results, String imageUrl, String error) {
    }

    /**
     * What the pipeline learnt: {@code labels} (name, confidence 0-100; empty when analysis is off for the
     * preset), the displayed size and format, and for a DICOM source its non-identifying summary.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Analysis(List<Map<String, Object>> labels, String format, Integer width, Integer height,
            JsonNode dicom) {
    }

    /**
     * The new job, PENDING until its file arrives. The body may name {@code fileName} and {@code contentType}
     * (the old system ignored both): the file name becomes the key's last part, and a content type uploads
     * accept is signed into the URL; anything else in the body, or no body, is ignored.
     *
     * @throws ApiException 400 {@code invalid-request} when either is over the {@code /v1} request limits
     */
    public Job prepare(@Variable("owner") String owner, @Body String body) {
        JsonNode request = CompatRequests.lenient(body);
        String contentType = CompatRequests.text(request, "contentType", limits.contentTypeBytes());
        contentType = contentType != null && allowedTypes.contains(contentType) ? contentType : null;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String jobId = Ulid.next(now);
        String key = StorageLayout.uploadKey(owner, jobId, CompatRequests.text(request, "fileName",
                limits.fileNameBytes()));
        return Job.create(jobId, owner, preset, Map.of(), List.of(new SourceObject(bucket, key, null, contentType)), now);
    }

    /** Presigns the PUT for the stored job. */
    public UploadRequested uploadRequested(@Variable("job") Job job) {
        SourceObject source = job.images().get(0).source();
        Presigned upload = urls.looseUpload(source.bucket(), source.key(), source.contentType());
        return new UploadRequested(upload.url(), job.jobId());
    }

    /** @throws ApiException 400 {@code invalid-request} without the {@code jobId} query parameter */
    public void requireJobId(@Header("jobId") String jobId) {
        if (jobId == null || jobId.isBlank()) {
            throw ApiException.invalid("jobId is required: GET /get-results?jobId=<the jobId of /request-upload>");
        }
    }

    /** The caller's job (the body, as {@code GET /v1/jobs/{jobId}} reads it, with download URLs) in the old shape. */
    public Results results(@Body Job job) {
        ImageRecord image = job.images().get(0);
        return switch (job.status()) {
            case PENDING -> new Results("pending", null, null, null);
            case PROCESSING -> new Results("processing", null, null, null);
            case FAILED -> new Results("error", null, null, image.error() == null ? "The image could not be processed"
                    : image.error().message());
            case COMPLETED -> new Results("complete", analysis(image), webImage(image).map(VariantRecord::url)
                    .orElse(null), null);
        };
    }

    private static Analysis analysis(ImageRecord image) {
        List<Map<String, Object>> labels = new ArrayList<>();
        for (JsonNode label : Detections.labels(image)) {
            labels.add(Map.of("name", label.path("name").asText(), "confidence", label.path("confidence").asDouble()));
        }
        JsonNode dicom = Json.MAPPER.valueToTree(image).get("dicom");
        return new Analysis(labels, image.format(), image.width(), image.height(), dicom);
    }

    /** The rendition a browser shows: the {@code large} JPEG when the preset has one, else its widest JPEG. */
    static Optional<VariantRecord> webImage(ImageRecord image) {
        if (image.variants() == null) {
            return Optional.empty();
        }
        List<VariantRecord> jpegs = image.variants().stream().filter(v -> "jpeg".equals(v.format())).toList();
        return jpegs.stream().filter(v -> "large".equals(v.name())).findFirst()
                .or(() -> jpegs.stream().max(Comparator.comparingInt(VariantRecord::width)));
    }
}
