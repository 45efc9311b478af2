package jobs;

/** The uploaded object an image is rendered from. */
public record SourceObject(String bucket, String key, Long bytes, String contentType) {
}
