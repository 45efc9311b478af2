package jobs;

/**
 * An image's record would pass DynamoDB's item size limit (400 KB): writing it again cannot succeed, so
 * the image ends FAILED {@code record-too-large}.
 */
public class RecordTooLargeException extends RuntimeException {

    public RecordTooLargeException(ImageRef ref, Throwable cause) {
        super("The record of image " + ref.index() + " of job " + ref.jobId()
                + " would pass DynamoDB's item size limit", cause);
    }
}
