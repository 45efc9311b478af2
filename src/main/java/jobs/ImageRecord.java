package jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import imaging.ExifSummary;
import imaging.dicom.DicomSummary;
import java.util.List;

/**
 * One image of a job, as stored (its own item) and as served.
 *
 * @param name       the image's folder under the job's outputs, unique within the job
 * @param animated   true when the source has several frames (the variants show the first); absent otherwise
 * @param dicom      a DICOM source's summary (modality, body part, rows, columns, study date; never about
 *                   the patient), also on a FAILED image whose header could be read
 * @param srcset     the variants as responsive-image attributes; filled in for API responses only
 * @param labels     what analysis found, boxes in pixels of the displayed image; absent when it did not run
 * @param moderation what moderation found; absent when it did not run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageRecord(String name, SourceObject source, Status status, Integer width, Integer height, String format,
        Boolean animated, ExifSummary exif, DicomSummary dicom, List<VariantRecord> variants, String placeholder,
        Srcset srcset, List<Label> labels, List<ModerationLabel> moderation, ImageError error) {

    public static ImageRecord pending(String name, SourceObject source) {
        return new ImageRecord(name, source, Status.PENDING, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    public ImageRecord withVariants(List<VariantRecord> variants) {
        return new ImageRecord(name, source, status, width, height, format, animated, exif, dicom, variants, placeholder,
                srcset, labels, moderation, error);
    }

    public ImageRecord withSrcset(Srcset srcset) {
        return new ImageRecord(name, source, status, width, height, format, animated, exif, dicom, variants, placeholder,
                srcset, labels, moderation, error);
    }
}
