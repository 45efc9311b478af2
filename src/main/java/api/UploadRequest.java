package api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import support.Json;

/** The body of {@code POST /v1/uploads}, checked field by field. */
public record UploadRequest(String fileName, String contentType, long size, String preset) {

    public static UploadRequest parse(String body, String defaultPreset) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalid("The request body must be a JSON object with fileName, contentType and size");
        }
        String fileName = text(root, "fileName", true);
        String contentType = text(root, "contentType", true);
        JsonNode size = root.get("size");
        if (size == null || !size.canConvertToLong() || !size.isIntegralNumber()) {
            throw ApiException.invalid("size is required and must be the file's exact length in bytes (an integer)");
        }
        if (size.asLong() < 0) {
            throw ApiException.invalid("size must not be negative");
        }
        String preset = text(root, "preset", false);
        return new UploadRequest(fileName, contentType, size.asLong(), preset == null ? defaultPreset : preset);
    }

    private static String text(JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiException.invalid(field + " is required");
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw ApiException.invalid(field + " must be a non-empty string");
        }
        return node.asText();
    }
}
