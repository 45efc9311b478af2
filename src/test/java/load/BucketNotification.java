package load;

import aws.AwsClients;
import aws.AwsServiceSettings;
import aws.S3EventNotifications;
import aws.S3ObjectCreated;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import testing.LocalAwsTestResource;

/**
 * The load run's stand-in for the bucket's event notification: once a PUT succeeded, the S3 event for it
 * goes straight to the ingest queue (not through the counting proxy), as S3 sends it in AWS, so the
 * service's figures hold only its own work.
 */
final class BucketNotification implements AutoCloseable {

    private final S3EventNotifications events = new S3EventNotifications();
    private final AtomicLong sequencer = new AtomicLong();
    private final SqsClient sqs;
    private final String queueUrl;

    private BucketNotification(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Sends to the ingest queue of the local servers in this configuration. */
    static BucketNotification of(Map<String, String> servers) {
        SqsClient sqs = AwsClients.newSqs(new AwsServiceSettings(Region.EU_WEST_1,
                Optional.of(URI.create(servers.get("camel.component.aws2-sqs.uri-endpoint-override"))), false,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalAwsTestResource.ACCESS_KEY,
                        LocalAwsTestResource.SECRET_KEY))));
        String queue = servers.get("app.sqs.ingest-queue");
        return new BucketNotification(sqs, sqs.getQueueUrl(q -> q.queueName(queue)).queueUrl());
    }

    /** The ObjectCreated:Put event of a single-part PUT of these bytes (its ETag: their MD5). */
    void objectCreated(String bucket, String key, byte[] bytes) {
        S3ObjectCreated object = new S3ObjectCreated(bucket, key, bytes.length, md5(bytes), null,
                String.format("%016X", sequencer.incrementAndGet()));
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(events.objectCreated(object)));
    }

    @Override
    public void close() {
        sqs.close();
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
