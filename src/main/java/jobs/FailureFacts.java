package jobs;

import imaging.dicom.DicomSummary;

/**
 * What is known of an image that failed, kept on its record beside the error: the summary of a DICOM
 * source whose header could be read (its format then is {@code dicom}), and what analysis found in an
 * image that moderation refused. Any part may be null.
 */
public record FailureFacts(DicomSummary dicom, Analysis analysis) {

    public static final FailureFacts NONE = new FailureFacts(null, null);
}
