package jobs;

import java.time.Instant;

/** A job as listed by {@code GET /v1/jobs}: what the owner index projects. */
public record JobSummary(String jobId, Status status, int imageCount, Instant createdAt, Instant updatedAt) {
}
