package aws;

/**
 * One "object created" record of an S3 event notification, key already URL-decoded.
 *
 * @param eTag       without quote marks
 * @param versionId  null when the bucket is not versioned
 * @param sequencer  orders events for the same key
 * @param jobId      the job to render it for, when it is not the one in the upload key (batch jobs); null
 *                   in events from S3
 * @param imageIndex which image of that job it is (batch jobs); null in events from S3, whose uploads are
 *                   image 0 of the job in their key
 */
public record S3ObjectCreated(String bucket, String key, long size, String eTag, String versionId, String sequencer,
        String jobId, Integer imageIndex) {

    public S3ObjectCreated(String bucket, String key, long size, String eTag, String versionId, String sequencer) {
        this(bucket, key, size, eTag, versionId, sequencer, null, null);
    }
}
