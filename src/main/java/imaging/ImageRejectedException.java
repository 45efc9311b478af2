package imaging;

/**
 * A permanent failure: the input itself is unusable, so retrying cannot help. The pipeline records the
 * reason on the image and moves on.
 */
public class ImageRejectedException extends Exception {

    private final RejectReason reason;

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
}
