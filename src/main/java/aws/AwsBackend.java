package aws;

/**
 * Something this process must start before its AWS clients are used: in dev, the local S3, SQS and
 * DynamoDB servers with their bucket, queues and table. Absent in production, where the clients talk to
 * AWS itself.
 */
public interface AwsBackend {

    /** Starts the backend if it is not running yet, and returns once it answers. */
    void ensureRunning();
}
