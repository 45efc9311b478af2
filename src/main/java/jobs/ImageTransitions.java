package jobs;

import static jobs.JobItems.n;
import static jobs.JobItems.s;

import imaging.ImageFormat;
import imaging.dicom.DicomSummary;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The life of one image, {@code PENDING -> PROCESSING -> COMPLETED | FAILED}, as conditional
 * {@code UpdateItem}s on its own item: no write touches another image, and a condition that does not
 * hold means someone else's write came first. Each write bumps the item's {@code revision}.
 */
final class ImageTransitions {

    private final String table;

    ImageTransitions(String table) {
        this.table = table;
    }

    /**
     * Takes the image made from this object if it waits for work, or if its last worker's lease lapsed
     * (a crashed worker); the new lease runs until {@code leaseUntil}. Returns the item as written.
     */
    UpdateItemRequest claim(ImageRef ref, String bucket, String key, Instant now, Instant leaseUntil) {
        Expression e = new Expression()
                .set(JobItems.STATUS, s(Status.PROCESSING.name()))
                .set(JobItems.LEASE_UNTIL, millis(leaseUntil))
                .add(JobItems.REVISION, n(1));
        String condition = "attribute_exists(" + e.name(JobItems.PK) + ")"
                + " AND " + e.name(JobItems.SOURCE + "." + JobItems.BUCKET) + " = " + e.value(s(bucket))
                + " AND " + e.name(JobItems.SOURCE + "." + JobItems.KEY) + " = " + e.value(s(key))
                + " AND (" + unheld(e, now) + ")";
        return e.request(table, JobItems.imageKey(ref), condition).returnValues(ReturnValue.ALL_NEW).build();
    }

    /** Records the rendering of an image this worker holds, with what analysis found in it. */
    UpdateItemRequest complete(ImageRef ref, ImageFacts facts, List<VariantRecord> variants, String placeholder,
            Analysis analysis) {
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
        findings(e, facts.dicom(), analysis);
        return e.request(table, JobItems.imageKey(ref), held(e)).build();
    }

    /** Ends an image this worker holds FAILED, keeping what is known of it. */
    UpdateItemRequest failHeld(ImageRef ref, ImageError error, FailureFacts facts) {
        Expression e = failed(error);
        if (facts.dicom() != null) {
            e.set(JobItems.FORMAT, s(ImageFormat.DICOM.id()));
        }
        findings(e, facts.dicom(), facts.analysis());
        return e.request(table, JobItems.imageKey(ref), held(e)).build();
    }

    private static void findings(Expression e, DicomSummary dicom, Analysis analysis) {
        if (dicom != null) {
            e.set(FindingItems.DICOM, FindingItems.dicom(dicom));
        }
        if (analysis != null && analysis.labels() != null) {
            e.set(FindingItems.LABELS, FindingItems.labels(analysis.labels()));
        }
        if (analysis != null && analysis.moderation() != null) {
            e.set(FindingItems.MODERATION, FindingItems.moderation(analysis.moderation()));
        }
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

    private static String held(Expression e) {
        return e.name(JobItems.STATUS) + " = " + e.value(s(Status.PROCESSING.name()));
    }

    private static String unheld(Expression e, Instant now) {
        return e.name(JobItems.STATUS) + " = " + e.value(s(Status.PENDING.name()))
                + " OR (" + e.name(JobItems.STATUS) + " = " + e.value(s(Status.PROCESSING.name()))
                + " AND " + e.name(JobItems.LEASE_UNTIL) + " < " + e.value(millis(now)) + ")";
    }

    private static AttributeValue millis(Instant instant) {
        return n(instant.toEpochMilli());
    }
}
