package api;

/** 429 {@code rate-limited}: the caller has used its requests for this window; {@code Retry-After} says when to retry. */
public class RateLimited extends ApiException {

    private final long retryAfterSeconds;

    public RateLimited(long retryAfterSeconds, String detail) {
        super(429, "rate-limited", detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until the caller's window ends, at least 1 (RFC 9110 {@code Retry-After}). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
