package jobs;

import java.time.Instant;

/** Where a listing of an owner's jobs resumes: after this job (newest first). */
public record PageKey(String jobId, Instant createdAt) {
}
