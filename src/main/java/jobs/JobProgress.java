package jobs;

import static jobs.JobItems.n;
import static jobs.JobItems.s;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A job's status on its header, kept by small writes that never read or rewrite the images: the first
 * claim moves it from PENDING to PROCESSING; each image that ends adds its index to the set of ended
 * images and one to its counter, once; and the status derived from the counters is written on the
 * condition that they still hold, so whichever write saw the latest counters leaves the right status. An
 * image taken up again after it ended (a replayed dead letter) is taken out of the set and its counter.
 */
final class JobProgress {

    private final String table;

    JobProgress(String table) {
        this.table = table;
    }

    /** PENDING becomes PROCESSING (once work starts); a job already further along is left alone. */
    UpdateItemRequest started(String jobId, Instant now) {
        Expression e = new Expression()
                .set(JobItems.STATUS, s(Status.PROCESSING.name()))
                .set(JobItems.UPDATED_AT, JobItems.time(now));
        String condition = e.name(JobItems.STATUS) + " = " + e.value(s(Status.PENDING.name()));
        return e.request(table, JobItems.headerKey(jobId), condition).build();
    }

    /**
     * Counts the end of one image, unless it was counted already (a repeated write fails its condition).
     * Returns the header as written, with the counters to derive the status from. The end of a job's only
     * image ({@code onlyImage}) is the job's end: its status is written with the count.
     */
    UpdateItemRequest ended(ImageRef ref, Status outcome, boolean onlyImage, Instant now) {
        AttributeValue index = n(ref.index());
        Expression e = new Expression()
                .add(JobItems.ENDED, AttributeValue.fromNs(List.of(index.n())))
                .add(outcome == Status.COMPLETED ? JobItems.COMPLETED_COUNT : JobItems.FAILED_COUNT, n(1))
                .set(JobItems.UPDATED_AT, JobItems.time(now));
        if (onlyImage) {
            e.set(JobItems.STATUS, s(outcome.name()));
        }
        String condition = "attribute_exists(" + e.name(JobItems.PK) + ") AND NOT contains("
                + e.name(JobItems.ENDED) + ", " + e.value(index) + ")";
        return e.request(table, JobItems.headerKey(ref.jobId()), condition).returnValues(ReturnValue.ALL_NEW).build();
    }

    /** Uncounts the end of an image taken up again; the job is PROCESSING until that image ends anew. */
    UpdateItemRequest reopened(ImageRef ref, Status previous, Instant now) {
        AttributeValue index = n(ref.index());
        Expression e = new Expression()
                .delete(JobItems.ENDED, AttributeValue.fromNs(List.of(index.n())))
                .add(previous == Status.COMPLETED ? JobItems.COMPLETED_COUNT : JobItems.FAILED_COUNT, n(-1))
                .set(JobItems.STATUS, s(Status.PROCESSING.name()))
                .set(JobItems.UPDATED_AT, JobItems.time(now));
        String condition = "contains(" + e.name(JobItems.ENDED) + ", " + e.value(index) + ")";
        return e.request(table, JobItems.headerKey(ref.jobId()), condition).build();
    }

    /** Writes the status derived from these counters, if they still hold. */
    UpdateItemRequest status(String jobId, Counters counters) {
        Expression e = new Expression().set(JobItems.STATUS, s(counters.status().name()));
        String condition = e.name(JobItems.COMPLETED_COUNT) + " = " + e.value(n(counters.completed()))
                + " AND " + e.name(JobItems.FAILED_COUNT) + " = " + e.value(n(counters.failed()));
        return e.request(table, JobItems.headerKey(jobId), condition).build();
    }

    /**
     * A header's image counters.
     *
     * @param started whether any image has been taken up (the header's status is not PENDING)
     */
    record Counters(int images, long completed, long failed, boolean started) {

        static Counters of(Map<String, AttributeValue> header) {
            return new Counters(Integer.parseInt(header.get(JobItems.IMAGE_COUNT).n()),
                    Long.parseLong(header.get(JobItems.COMPLETED_COUNT).n()),
                    Long.parseLong(header.get(JobItems.FAILED_COUNT).n()),
                    !Status.PENDING.name().equals(header.get(JobItems.STATUS).s()));
        }

        /**
         * COMPLETED when every image completed, FAILED when all ended and one failed, PROCESSING once an
         * image was taken up or ended, else PENDING.
         */
        Status status() {
            if (completed + failed < images) {
                return started || completed + failed > 0 ? Status.PROCESSING : Status.PENDING;
            }
            return failed == 0 ? Status.COMPLETED : Status.FAILED;
        }
    }
}
