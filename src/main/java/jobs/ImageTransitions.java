package jobs;

import static jobs.JobItems.n;
import static jobs.JobItems.s;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The life of one image, {@code PENDING -> PROCESSING -> COMPLETED | FAILED}, as conditional
 * {@code UpdateItem}s on its own item: no write touches another image, and a condition that does not
 * hold means someone else's write came first. Each transition bumps the item's {@code revision}. A claim
 * writes a fresh lease token; the holder's later writes (renewals, the end) are fenced on it, so a worker
 * whose lease lapsed and was taken over can no longer write over the new holder's work.
 */
final class ImageTransitions {

    /** The code of an image whose retries ran out: a replayed dead letter may take it up again. */
    static final String INTERNAL = "internal";

    private final String table;

    ImageTransitions(String table) {
        this.table = table;
    }

    /**
     * Takes the image made from this object if it waits for work, or if its last worker's lease lapsed
     * (a crashed worker), or, for a replayed dead letter, if it ended FAILED {@code internal}; the new lease
     * runs until {@code leaseUntil} under {@code token}, and the attempt is counted. Returns the item as it
     * was before.
     */
    UpdateItemRequest claim(ImageRef ref, String bucket, String key, Lease lease, boolean replay) {
        Expression e = new Expression()
                .set(JobItems.STATUS, s(Status.PROCESSING.name()))
                .set(JobItems.LEASE_UNTIL, millis(lease.until()))
                .set(JobItems.LEASE_TOKEN, s(lease.token()))
                .add(JobItems.REVISION, n(1))
                .add(JobItems.ATTEMPTS, n(1))
                .remove(JobItems.ERROR);
        String takeable = unheld(e, lease.now());
        if (replay) {
            takeable += " OR (" + e.name(JobItems.STATUS) + " = " + e.value(s(Status.FAILED.name())) + " AND "
                    + e.name(JobItems.ERROR + ".code") + " = " + e.value(s(INTERNAL)) + ")";
        }
        String condition = "attribute_exists(" + e.name(JobItems.PK) + ")"
                + " AND " + e.name(JobItems.SOURCE + "." + JobItems.BUCKET) + " = " + e.value(s(bucket))
                + " AND " + e.name(JobItems.SOURCE + "." + JobItems.KEY) + " = " + e.value(s(key))
                + " AND (" + takeable + ")";
        return e.request(table, JobItems.imageKey(ref), condition).returnValues(ReturnValue.ALL_OLD).build();
    }

    /** Extends the holder's lease to {@code until}. */
    UpdateItemRequest renew(ImageRef ref, String token, Instant until) {
        Expression e = new Expression().set(JobItems.LEASE_UNTIL, millis(until));
        return e.request(table, JobItems.imageKey(ref), held(e, token)).build();
    }

    /** Counts one more attempt by the holder (a retry of a step that failed). */
    UpdateItemRequest retried(ImageRef ref, String token) {
        Expression e = new Expression().add(JobItems.ATTEMPTS, n(1));
        return e.request(table, JobItems.imageKey(ref), held(e, token)).build();
    }

    /** Records the rendering of an image this worker holds. */
    UpdateItemRequest complete(ImageRef ref, String token, ImageFacts facts, List<VariantRecord> variants,
            String placeholder) {
        Expression e = new Expression()
                .set(JobItems.STATUS, s(Status.COMPLETED.name()))
                .set(JobItems.WIDTH, n(facts.width()))
                .set(JobItems.HEIGHT, n(facts.height()))
                .set(JobItems.FORMAT, s(facts.format()))
                .set(JobItems.EXIF, JobItems.exif(facts.exif()))
                .set(JobItems.VARIANTS, JobItems.variants(variants))
                .add(JobItems.REVISION, n(1))
                .remove(JobItems.LEASE_UNTIL);
        if (facts.animated()) {
            e.set(JobItems.ANIMATED, AttributeValue.fromBool(true));
        }
        if (placeholder != null) {
            e.set(JobItems.PLACEHOLDER, s(placeholder));
        }
        return e.request(table, JobItems.imageKey(ref), held(e, token)).build();
    }

    /** Ends an image this worker holds FAILED. */
    UpdateItemRequest failHeld(ImageRef ref, String token, ImageError error) {
        Expression e = failed(error);
        return e.request(table, JobItems.imageKey(ref), held(e, token)).build();
    }

    /** Ends an image no worker holds (waiting, or its lease lapsed) FAILED. */
    UpdateItemRequest failUnheld(ImageRef ref, ImageError error, Instant now) {
        Expression e = failed(error);
        return e.request(table, JobItems.imageKey(ref), unheld(e, now)).build();
    }

    /** Ends an image that still waits for its source FAILED. */
    UpdateItemRequest failPending(ImageRef ref, ImageError error) {
        Expression e = failed(error);
        String condition = e.name(JobItems.STATUS) + " = " + e.value(s(Status.PENDING.name()));
        return e.request(table, JobItems.imageKey(ref), condition).build();
    }

    private static Expression failed(ImageError error) {
        return new Expression()
                .set(JobItems.STATUS, s(Status.FAILED.name()))
                .set(JobItems.ERROR, JobItems.error(error))
                .add(JobItems.REVISION, n(1))
                .remove(JobItems.LEASE_UNTIL);
    }

    private static String held(Expression e, String token) {
        return e.name(JobItems.STATUS) + " = " + e.value(s(Status.PROCESSING.name()))
                + " AND " + e.name(JobItems.LEASE_TOKEN) + " = " + e.value(s(token));
    }

    private static String unheld(Expression e, Instant now) {
        return e.name(JobItems.STATUS) + " = " + e.value(s(Status.PENDING.name()))
                + " OR (" + e.name(JobItems.STATUS) + " = " + e.value(s(Status.PROCESSING.name()))
                + " AND " + e.name(JobItems.LEASE_UNTIL) + " < " + e.value(millis(now)) + ")";
    }

    private static AttributeValue millis(Instant instant) {
        return n(instant.toEpochMilli());
    }

    /** A new hold: taken at {@code now}, until {@code until}, under {@code token}. */
    record Lease(Instant now, Instant until, String token) {
    }
}
