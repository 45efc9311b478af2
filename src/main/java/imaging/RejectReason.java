package imaging;

/** Why an upload cannot be rendered; {@link #code()} is the stable word of the API's image error. */
public enum RejectReason {
    NOT_AN_IMAGE("not-an-image"),
    UNSUPPORTED_FORMAT("unsupported-format"),
    TRUNCATED("truncated"),
    CORRUPT("corrupt"),
    TOO_LARGE("too-large"),
    TOO_MANY_PIXELS("too-many-pixels"),
    /** Over a decoding budget: too many progressive scans, or a render past its time limit. */
    TOO_COMPLEX("too-complex"),
    /** Refused by the preset's moderation policy, after image analysis (the pipeline's, not the engine's). */
    MODERATED("moderated");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
