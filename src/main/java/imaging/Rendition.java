package imaging;

import imaging.dicom.DicomSummary;
import java.util.List;

/**
 * Everything rendered from one upload.
 *
 * @param width        displayed width of the source (after EXIF orientation)
 * @param height       displayed height of the source
 * @param animated     the source has more than one frame (the variants show the first)
 * @param placeholder  a tiny blurred JPEG as a data URI, or null when the preset has none
 * @param dicom        what a DICOM source's header tells (never about the patient); null for other formats
 * @param analysisCopy what image analysis works on; null when the preset's images are not analysed, and
 *                     once analysis is done with it
 */
public record Rendition(ImageFormat format, int width, int height, boolean animated, ExifSummary exif,
        List<RenderedVariant> variants, String placeholder, DicomSummary dicom, AnalysisCopy analysisCopy) {

    /** The same rendition with these variants, and without its analysis copy (analysis is done). */
    public Rendition withVariants(List<RenderedVariant> replaced) {
        return new Rendition(format, width, height, animated, exif, replaced, placeholder, dicom, null);
    }
}
