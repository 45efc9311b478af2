package jobs;

/**
 * A worker's hold on one image of a job while it renders it.
 *
 * @param owner      the job's owner, whose folder the variants go to
 * @param preset     the variant set to render
 * @param leaseToken this claim's fencing token: the image's writes hold only while its item carries it
 * @param taskToken  the Step Functions task waiting for the job, or null
 * @param traceparent the W3C trace context of the request that created the job; null when none was recorded
 */
public record ImageClaim(ImageRef ref, String owner, String preset, String name, SourceObject source,
        String leaseToken, String taskToken, String traceparent) {

    public String jobId() {
        return ref.jobId();
    }

    /** Where one of this image's variants is stored. */
    public String variantKey(String variant, String extension) {
        return StorageLayout.variantKey(owner, ref.jobId(), name, variant, extension);
    }
}
