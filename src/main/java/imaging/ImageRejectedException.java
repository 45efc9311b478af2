package imaging;

import imaging.dicom.DicomSummary;
import java.util.Optional;

/**
 * A permanent failure: the input itself is unusable, so retrying cannot help. The pipeline records the
 * reason on the image and moves on.
 */
public class ImageRejectedException extends Exception {

    private final RejectReason reason;
    private transient DicomSummary dicom;

    public ImageRejectedException(RejectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ImageRejectedException(RejectReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }

    public String code() {
        return reason.code();
    }

    /** What the refused file's DICOM header tells (never about the patient), when it is one that could be read. */
    public Optional<DicomSummary> dicom() {
        return Optional.ofNullable(dicom);
    }

    /** This rejection, telling also the refused DICOM file's summary (null: none). */
    public ImageRejectedException describing(DicomSummary summary) {
        this.dicom = summary;
        return this;
    }
}
