package api;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Per-owner rate limits ({@code app.rate-limits.*}): requests admitted per fixed window, per call. */
@ConfigMapping(prefix = "app.rate-limits")
public interface RateLimitSettings {

    /** {@code POST /v1/uploads}. */
    Limit uploads();

    /** {@code POST /v1/jobs}. */
    Limit jobs();

    interface Limit {
        /** Requests admitted per window, at least 1. */
        long requests();

        /** The window's length, at least one second. */
        Duration window();
    }
}
