package api;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import jobs.JobStore;
import jobs.RateDecision;

/**
 * Per-owner rate limits on the calls that start work, counted in the job table (through {@link JobStore})
 * so that every service instance shares them. A request is counted before its body is read, so a client
 * repeating a bad request is limited too, and a batch that would check 50 objects costs nothing once
 * refused. Settings are checked at start.
 */
@Startup
@ApplicationScoped
@Named("rateLimits")
public class RateLimits {

    /** A call that is limited: its name in the table and in messages. */
    public enum Action {
        UPLOADS("uploads", "POST /v1/uploads"),
        JOBS("jobs", "POST /v1/jobs");

        private final String key;
        private final String call;

        Action(String key, String call) {
            this.key = key;
            this.call = call;
        }
    }

    private final JobStore jobs;
    private final RateLimitSettings settings;

    public RateLimits(JobStore jobs, RateLimitSettings settings) {
        this.jobs = jobs;
        this.settings = settings;
        for (Action action : Action.values()) {
            RateLimitSettings.Limit limit = limit(action);
            if (limit.requests() < 1 || limit.window().compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException(("app.rate-limits.%s: requests must be at least 1 and the window"
                        + " at least 1 s; got %d per %s").formatted(action.key, limit.requests(), limit.window()));
            }
        }
    }

    /**
     * Counts one call of the owner's, or refuses it.
     *
     * @throws RateLimited 429 {@code rate-limited} when the owner's window for this call is full
     */
    public void admit(String owner, Action action) {
        RateLimitSettings.Limit limit = limit(action);
        RateDecision decision = jobs.admit(owner, action.key, limit.requests(), limit.window());
        if (!decision.admitted()) {
            // whole seconds, rounded up, so a client that waits exactly this long finds the new window
            long retryAfter = Math.max(1, (decision.untilReset().toMillis() + 999) / 1000);
            throw new RateLimited(retryAfter, "At most %d %s per %d s for one account; try again in %d s"
                    .formatted(limit.requests(), action.call, limit.window().toSeconds(), retryAfter));
        }
    }

    private RateLimitSettings.Limit limit(Action action) {
        return switch (action) {
            case UPLOADS -> settings.uploads();
            case JOBS -> settings.jobs();
        };
    }
}
