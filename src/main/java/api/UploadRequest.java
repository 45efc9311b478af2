package api;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of {@code POST /v1/uploads}, checked field by field. */
public record UploadRequest(String fileName, String contentType, long size, String preset) {

    /**
     * The request in the body, each string field within its limit; {@code preset} defaults to the given one.
     *
     * @throws ApiException 400 {@code invalid-request} naming the first field that is missing, ill-typed or
     *         too long
     */
    public static UploadRequest parse(String body, String defaultPreset, RequestLimits limits) {
        JsonNode root = JsonFields.object(body, "fileName, contentType and size");
        String fileName = JsonFields.text(root, "fileName", true, limits.fileNameBytes());
        String contentType = JsonFields.text(root, "contentType", true, limits.contentTypeBytes());
        JsonNode size = root.get("size");
        if (size == null || !size.canConvertToLong() || !size.isIntegralNumber()) {
            throw ApiException.invalid("size is required and must be the file's exact length in bytes (an integer)");
        }
        if (size.asLong() < 0) {
            throw ApiException.invalid("size must not be negative");
        }
        String preset = JsonFields.text(root, "preset", false, limits.presetBytes());
        return new UploadRequest(fileName, contentType, size.asLong(), preset == null ? defaultPreset : preset);
    }
}
