package jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import imaging.ExifSummary;
import java.util.List;

/**
 * One image of a job, as stored (its own item) and as served.
 *
 * @param name     the image's folder under the job's outputs, unique within the job
 * @param animated true when the source has several frames (the variants show the first); absent otherwise
 * @param srcset   the variants as responsive-image attributes; filled in for API responses only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageRecord(String name, SourceObject source, Status status, Integer width, Integer height, String format,
        Boolean animated, ExifSummary exif, List<VariantRecord> variants, String placeholder, Srcset srcset,
        ImageError error) {

    public static ImageRecord pending(String name, SourceObject source) {
        return new ImageRecord(name, source, Status.PENDING, null, null, null, null, null, null, null, null, null);
    }

    public ImageRecord withVariants(List<VariantRecord> variants) {
        return new ImageRecord(name, source, status, width, height, format, animated, exif, variants, placeholder, srcset,
                error);
    }

    public ImageRecord withSrcset(Srcset srcset) {
        return new ImageRecord(name, source, status, width, height, format, animated, exif, variants, placeholder, srcset,
                error);
    }
}
