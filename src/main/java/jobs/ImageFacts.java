package jobs;

import imaging.ExifSummary;
import imaging.dicom.DicomSummary;

/**
 * What rendering learnt about a source image, kept on its record.
 *
 * @param width    displayed width (after EXIF orientation; the canvas for an animation)
 * @param animated the source has several frames; its variants show the first
 * @param dicom    a DICOM source's summary (never about the patient); null for other formats
 */
public record ImageFacts(int width, int height, String format, boolean animated, ExifSummary exif, DicomSummary dicom) {
}
