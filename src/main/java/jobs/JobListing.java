package jobs;

import java.util.List;

/** One page of an owner's jobs, newest first; {@code next} is null on the last page. */
public record JobListing(List<JobSummary> items, PageKey next) {
}
