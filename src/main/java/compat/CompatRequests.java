package compat;

import api.ApiException;
import api.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.Set;
import pipeline.Presets;
import support.Json;

/** Reading the earlier systems' request bodies, and the checks their routes share. */
final class CompatRequests {

    private CompatRequests() {
    }

    /**
     * The body as a JSON object.
     *
     * @throws ApiException 400 {@code invalid-request} for anything else
     */
    static JsonNode object(String body) {
        JsonNode root = lenient(body);
        if (!root.isObject()) {
            throw ApiException.invalid("The request body must be a JSON object");
        }
        return root;
    }

    /** The body as JSON, or a JSON null when it is empty or not JSON (for a body the old system ignored). */
    static JsonNode lenient(String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            return root == null ? NullNode.getInstance() : root;
        } catch (IOException e) {
            return NullNode.getInstance();
        }
    }

    /**
     * A text field, or null when absent, null, blank or not text.
     *
     * @throws ApiException 400 {@code invalid-request} when it is over {@code maxBytes} bytes of UTF-8 (the
     *         {@code /v1} request limits), before it is used or echoed
     */
    static String text(JsonNode request, String field, int maxBytes) {
        JsonNode value = request.path(field);
        return value.isTextual() && !value.asText().isBlank() ? JsonFields.bounded(field, value.asText(), maxBytes)
                : null;
    }

    /** @throws ApiException 400 {@code unsupported-media-type} for a type uploads do not accept */
    static void requireAllowed(Set<String> allowed, String contentType) {
        if (!allowed.contains(contentType)) {
            throw new ApiException(400, "unsupported-media-type", "contentType '%s' is not accepted; allowed: %s"
                    .formatted(contentType, String.join(", ", allowed)));
        }
    }

    /** The configured preset, which must exist: a typo stops the service at start, not a client's request. */
    static String requirePreset(Presets presets, String name, String key) {
        if (presets.find(name).isEmpty()) {
            throw new IllegalStateException("%s names preset '%s', which is not configured; presets: %s"
                    .formatted(key, name, String.join(", ", presets.names())));
        }
        return name;
    }
}
