package api;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v1/jobs} as the OpenAPI document shows it: 1-50 {@code s3://} URIs under the
 * caller's {@code uploads/<owner>/} prefix, an optional preset and client metadata that is echoed back.
 * {@link Batches} reads the body field by field for precise errors.
 */
public record BatchRequest(List<String> images, String preset, Map<String, Object> metadata) {
}
