package api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import support.Json;

/** Reads a JSON request body field by field, each string bounded before it is used or echoed. */
public final class JsonFields {

    private JsonFields() {
    }

    /**
     * The body as a JSON object.
     *
     * @param expected what the object must hold, for the error's detail
     * @throws ApiException 400 {@code invalid-request} for an empty body, bad JSON or another JSON type
     */
    public static JsonNode object(String body, String expected) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalid("The request body must be a JSON object with " + expected);
        }
        return root;
    }

    /**
     * A non-empty string field of at most {@code maxBytes} bytes of UTF-8; null when absent (or JSON null)
     * and not required.
     *
     * @throws ApiException 400 {@code invalid-request} when required and absent, not a non-blank string, or
     *         too long
     */
    static String text(JsonNode root, String field, boolean required, int maxBytes) {
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
        return bounded(field, node.asText(), maxBytes);
    }

    /**
     * The value when it is at most {@code maxBytes} bytes of UTF-8.
     *
     * @throws ApiException 400 {@code invalid-request} naming the field, its length and the limit
     */
    public static String bounded(String field, String value, int maxBytes) {
        // the body limit bounds this copy
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw ApiException.invalid("%s is %,d bytes in UTF-8; at most %,d are allowed".formatted(field, bytes, maxBytes));
        }
        return value;
    }
}
