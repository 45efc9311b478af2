package jobs;

/**
 * One image of one job: the key of its item. S3 events name it without a read: an upload is image 0 of
 * the job in its key; a batch's events carry the index.
 */
public record ImageRef(String jobId, int index) {

    public ImageRef {
        if (index < 0 || index >= JobItems.MAX_IMAGES) {
            throw new IllegalArgumentException("Image index " + index + " is out of range");
        }
    }
}
