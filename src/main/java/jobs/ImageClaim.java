package jobs;

import java.time.Instant;

/**
 * A worker's hold on one image of a job while it renders it.
 *
 * @param owner      the job's owner, whose folder the variants go to
 * @param preset     the variant set to render
 * @param images     how many images the job has
 * @param leaseToken this claim's fencing token: the image's writes hold only while its item carries it
 * @param leaseUntil when the lease taken by the claim lapses, unless renewed
 * @param taskToken  the Step Functions task waiting for the job, or null
 * @param traceparent the W3C trace context of the request that created the job; null when none was recorded
 */
public record ImageClaim(ImageRef ref, String owner, String preset, int images, String name, SourceObject source,
        String leaseToken, Instant leaseUntil, String taskToken, String traceparent) {

    public String jobId() {
        return ref.jobId();
    }

    /** Where one of this image's variants is stored. */
    public String variantKey(String variant, String extension) {
        return StorageLayout.variantKey(owner, ref.jobId(), name, variant, extension);
    }
}
