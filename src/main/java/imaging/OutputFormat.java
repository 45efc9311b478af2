package imaging;

/** The formats variants are written in. */
public enum OutputFormat {
    JPEG("jpeg", "image/jpeg", "jpg"),
    WEBP("webp", "image/webp", "webp"),
    PNG("png", "image/png", "png");

    private final String id;
    private final String contentType;
    private final String extension;

    OutputFormat(String id, String contentType, String extension) {
        this.id = id;
        this.contentType = contentType;
        this.extension = extension;
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
