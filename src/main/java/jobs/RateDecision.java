package jobs;

import java.time.Duration;

/**
 * The answer of {@link JobStore#admit}: whether the request was counted within its window's limit, and
 * how long until that window ends (when a refused request may be admitted).
 */
public record RateDecision(boolean admitted, Duration untilReset) {
}
