package api;

import java.util.Map;
import jobs.Status;

/** The 202 body of {@code POST /v1/jobs}. */
public record BatchAccepted(String jobId, Status status, int imageCount, Map<String, Object> metadata,
        String statusUrl) {
}
