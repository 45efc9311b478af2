package imaging;

/** The formats variants are written in, with the largest side their encoders can write. */
public enum OutputFormat {
    /** libjpeg's JPEG_MAX_DIMENSION: a little under the format's 65535, which its arithmetic cannot take. */
    JPEG("jpeg", "image/jpeg", "jpg", 65_500),
    /** WEBP_MAX_DIMENSION: VP8 and VP8L store each side in 14 bits. */
    WEBP("webp", "image/webp", "webp", 16_383),
    /** PNG stores each side in 31 bits. */
    PNG("png", "image/png", "png", Integer.MAX_VALUE);

    private final String id;
    private final String contentType;
    private final String extension;
    private final int maxSide;

    OutputFormat(String id, String contentType, String extension, int maxSide) {
        this.id = id;
        this.contentType = contentType;
        this.extension = extension;
        this.maxSide = maxSide;
    }

    /** Whether the format keeps transparency; a JPEG variant is laid on white. */
    public boolean keepsTransparency() {
        return this != JPEG;
    }

    /** The longest side, in pixels, the encoder writes; a variant over it is scaled to fit. */
    public int maxSide() {
        return maxSide;
    }

    public String id() {
        return id;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
