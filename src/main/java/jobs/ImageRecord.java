package jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import imaging.ExifSummary;
import java.time.Instant;
import java.util.List;

/**
 * One image of a job, as stored and as served.
 *
 * @param name       the image's folder under the job's outputs, unique within the job
 * @param animated   true when the source has several frames (the variants show the first); absent otherwise
 * @param srcset     the variants as responsive-image attributes; filled in for API responses only
 * @param leaseUntil while PROCESSING, when the worker's claim lapses (a crashed worker's image is taken
 *                   over after that); internal, never served
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageRecord(String name, SourceObject source, Status status, Integer width, Integer height, String format,
        Boolean animated, ExifSummary exif, List<VariantRecord> variants, String placeholder, Srcset srcset, ImageError error,
        @JsonIgnore Instant leaseUntil) {

    public static ImageRecord pending(String name, SourceObject source) {
        return new ImageRecord(name, source, Status.PENDING, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether a worker may take this image now: it is waiting, or its last worker's lease has lapsed. */
    public boolean claimable(Instant now) {
        return status == Status.PENDING
                || (status == Status.PROCESSING && (leaseUntil == null || leaseUntil.isBefore(now)));
    }

    public ImageRecord processing(Instant leaseUntil) {
        return new ImageRecord(name, source, Status.PROCESSING, null, null, null, null, null, null, null, null, null,
                leaseUntil);
    }

    public ImageRecord completed(ImageFacts facts, List<VariantRecord> variants, String placeholder) {
        return new ImageRecord(name, source, Status.COMPLETED, facts.width(), facts.height(), facts.format(),
                facts.animated() ? Boolean.TRUE : null, facts.exif(), List.copyOf(variants), placeholder, null, null, null);
    }

    public ImageRecord failed(ImageError error) {
        return new ImageRecord(name, source, Status.FAILED, width, height, format, animated, exif, variants, placeholder, null,
                error, null);
    }

    public ImageRecord withVariants(List<VariantRecord> variants) {
        return new ImageRecord(name, source, status, width, height, format, animated, exif, variants, placeholder, srcset,
                error, leaseUntil);
    }

    public ImageRecord withSrcset(Srcset srcset) {
        return new ImageRecord(name, source, status, width, height, format, animated, exif, variants, placeholder, srcset,
                error, leaseUntil);
    }
}
