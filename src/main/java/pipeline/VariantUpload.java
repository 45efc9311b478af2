package pipeline;

/** One rendered variant on its way to S3. */
public record VariantUpload(String key, String contentType, long contentLength, byte[] bytes) {
}
