package tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jobs.ImageError;
import jobs.ImageRecord;
import jobs.Job;
import jobs.Status;
import jobs.VariantRecord;
import support.Json;

/**
 * The output a task's job sends with {@code SendTaskSuccess}: the job as {@code GET /v1/jobs/{jobId}}
 * shows it, without what expires or repeats (presigned URLs, srcsets, placeholders, EXIF): each variant
 * by its S3 key in {@code bucket}, which a state machine's later states can read with their own role.
 * When that is still over Step Functions' 256 KiB output limit (a preset with very many variants), the
 * variants are left out ({@code variantsOmitted: true}); the job's full record stays at {@code statusUrl}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskOutput(String jobId, Status status, String preset, Map<String, Object> metadata, String bucket,
        int imageCount, Instant createdAt, Instant updatedAt, String statusUrl, List<Image> images,
        Boolean variantsOmitted) {

    /** One image: its source as an {@code s3://} URI, what rendering learnt, its variants or its error. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Image(String name, String source, Status status, Integer width, Integer height, String format,
            List<Variant> variants, ImageError error) {
    }

    /** One stored variant. */
    public record Variant(String name, String key, int width, int height, String format, long bytes) {
    }

    /** The output as JSON, within {@code maxChars} characters (variants left out when they do not fit). */
    public static String json(Job job, int maxChars) {
        String full = Json.write(of(job, true));
        return full.length() <= maxChars ? full : Json.write(of(job, false));
    }

    static TaskOutput of(Job job, boolean withVariants) {
        List<Image> images = job.images().stream().map(image -> image(image, withVariants)).toList();
        String bucket = job.images().isEmpty() ? null : job.images().get(0).source().bucket();
        return new TaskOutput(job.jobId(), job.status(), job.preset(), job.metadata(), bucket, job.images().size(),
                job.createdAt(), job.updatedAt(), "/v1/jobs/" + job.jobId(), images, withVariants ? null : true);
    }

    private static Image image(ImageRecord image, boolean withVariants) {
        List<Variant> variants = !withVariants || image.variants() == null ? null
                : image.variants().stream().map(TaskOutput::variant).toList();
        return new Image(image.name(), "s3://" + image.source().bucket() + "/" + image.source().key(), image.status(),
                image.width(), image.height(), image.format(), variants, image.error());
    }

    private static Variant variant(VariantRecord v) {
        return new Variant(v.name(), v.key(), v.width(), v.height(), v.format(), v.bytes());
    }
}
