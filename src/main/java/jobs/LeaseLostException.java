package jobs;

/**
 * This worker's hold on an image lapsed and another worker took it over (or it ended meanwhile): the
 * worker must write nothing more for it. Not a failure of the image; the message is acknowledged.
 */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(ImageRef ref) {
        super("Image " + ref.index() + " of job " + ref.jobId() + " is no longer held by this worker");
    }
}
