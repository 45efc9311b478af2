package api;

import java.time.Instant;
import java.util.List;
import jobs.Status;

/** One page of {@code GET /v1/jobs}: the caller's jobs, newest first; {@code nextCursor} null on the last. */
public record JobPage(List<Summary> items, String nextCursor) {

    public record Summary(String jobId, Status status, int imageCount, Instant createdAt, Instant updatedAt) {
    }
}
