package accounts;

import java.util.List;

/** {@code GET /v1/me}: who the bearer token says the caller is; {@code email} is null for dev tokens. */
public record Me(String sub, String email, List<String> groups) {
}
