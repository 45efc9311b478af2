package aws;

import java.time.Instant;
import java.util.Map;

/** A presigned request: the exact method, URL and headers a client must send, and when it stops working. */
public record Presigned(String method, String url, Map<String, String> headers, Instant expiresAt) {
}
