package infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The bucket (uploads under {@code uploads/}, variants under {@code processed/}) and the KMS key that
 * encrypts it. Public access is blocked; browsers PUT to presigned URLs only (CORS); uploads still tagged
 * pending after {@link StackSettings#pendingUploadDays()} and incomplete multipart uploads are removed.
 */
public final class Storage extends Construct {

    public static final String UPLOADS = "uploads/";
    public static final String PROCESSED = "processed/";
    /**
     * The object tag that marks an upload not processed yet. S3 lifecycle rules cannot see whether the
     * pipeline read an object, only its prefix, tags and age: an upload carrying this tag is one the
     * pipeline never finished, and the rule removes it.
     */
    public static final String STATE_TAG = "image-pipeline-state";
    public static final String STATE_PENDING = "pending";

    private final Key key;
    private final Bucket bucket;
    private final String bucketName;

    public Storage(Construct scope, String id, StackSettings settings) {
        super(scope, id);
        // The name is computed from the settings, not read from the bucket, so the queue policy can name the
        // bucket before the bucket exists (the bucket's notification needs that policy in place first).
        bucketName = settings.bucketName().orElseGet(() -> Fn.join("-", List.of(settings.prefix(), Aws.ACCOUNT_ID, Aws.REGION)));
        key = Key.Builder.create(this, "Key")
                .alias("alias/" + settings.prefix())
                .description("Encrypts the image pipeline's uploads and variants (SSE-KMS)")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        bucket = Bucket.Builder.create(this, "Bucket")
                .bucketName(bucketName)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                // One data key per bucket instead of per object: far fewer KMS calls (and their cost).
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .cors(List.of(CorsRule.builder()
                        .allowedMethods(List.of(HttpMethods.PUT))
                        .allowedOrigins(settings.corsOrigins())
                        // The headers the presigned PUT signs and lists in upload.headers (aws/ObjectUrls:
                        // If-None-Match makes the URL write once), and the x-amz-* ones SDKs add.
                        .allowedHeaders(List.of("Content-Type", "If-None-Match", "x-amz-*"))
                        .exposedHeaders(List.of("ETag"))
                        .maxAge(3600)
                        .build()))
                .lifecycleRules(List.of(
                        LifecycleRule.builder()
                                .id("expire-pending-uploads")
                                .prefix(UPLOADS)
                                .tagFilters(Map.of(STATE_TAG, STATE_PENDING))
                                .expiration(Duration.days(settings.pendingUploadDays()))
                                .build(),
                        LifecycleRule.builder()
                                .id("abort-incomplete-multipart-uploads")
                                .abortIncompleteMultipartUploadAfter(Duration.days(1))
                                .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /**
     * Sends {@code s3:ObjectCreated:*} events for keys under {@code uploads/} to the queue. Written on the
     * bucket itself (CloudFormation's NotificationConfiguration) rather than through CDK's
     * {@code addEventNotification}, which adds a Lambda-backed custom resource to the account; the bucket
     * is created after the queue policy that lets S3 send, as S3 checks it when the notification is set.
     */
    public void notifyUploadsTo(IngestQueues queues) {
        CfnBucket cfn = (CfnBucket) bucket.getNode().getDefaultChild();
        cfn.setNotificationConfiguration(CfnBucket.NotificationConfigurationProperty.builder()
                .queueConfigurations(List.of(CfnBucket.QueueConfigurationProperty.builder()
                        .event("s3:ObjectCreated:*")
                        .queue(queues.ingest().getQueueArn())
                        .filter(CfnBucket.NotificationFilterProperty.builder()
                                .s3Key(CfnBucket.S3KeyFilterProperty.builder()
                                        .rules(List.of(CfnBucket.FilterRuleProperty.builder()
                                                .name("prefix").value(UPLOADS).build()))
                                        .build())
                                .build())
                        .build()))
                .build());
        bucket.getNode().addDependency(queues.ingestPolicy());
    }

    /** {@code arn:<partition>:s3:::<name>}, built from the name alone (see the constructor). */
    public String bucketArn() {
        return Fn.join("", List.of("arn:", Aws.PARTITION, ":s3:::", bucketName));
    }

    public Bucket bucket() {
        return bucket;
    }

    public Key key() {
        return key;
    }
}
