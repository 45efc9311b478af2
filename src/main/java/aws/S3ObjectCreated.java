package aws;

/**
 * One "object created" record of an S3 event notification, key already URL-decoded.
 *
 * @param eTag      without quote marks
 * @param versionId null when the bucket is not versioned
 * @param sequencer orders events for the same key
 */
public record S3ObjectCreated(String bucket, String key, long size, String eTag, String versionId, String sequencer) {
}
