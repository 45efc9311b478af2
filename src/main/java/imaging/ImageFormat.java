package imaging;

/** An image format as told by its magic bytes, never by the file name. */
public enum ImageFormat {
    JPEG("jpeg", "image/jpeg", true),
    PNG("png", "image/png", true),
    GIF("gif", "image/gif", true),
    WEBP("webp", "image/webp", true),
    TIFF("tiff", "image/tiff", true),
    BMP("bmp", "image/bmp", true),
    HEIC("heic", "image/heic", false),
    AVIF("avif", "image/avif", false),
    DICOM("dicom", "application/dicom", true),
    SVG("svg", "image/svg+xml", false);

    private final String id;
    private final String mediaType;
    private final boolean decodable;

    ImageFormat(String id, String mediaType, boolean decodable) {
        this.id = id;
        this.mediaType = mediaType;
        this.decodable = decodable;
    }

    /** The lower-case name used in job records and the API (`jpeg`, `png`, ...). */
    public String id() {
        return id;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether this engine can render the format; the others are refused as `unsupported-format`. */
    public boolean decodable() {
        return decodable;
    }
}
