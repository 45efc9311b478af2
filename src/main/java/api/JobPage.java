package api;

import java.util.List;
import jobs.JobSummary;

/** One page of {@code GET /v1/jobs}: the caller's jobs, newest first; {@code nextCursor} null on the last. */
public record JobPage(List<JobSummary> items, String nextCursor) {
}
