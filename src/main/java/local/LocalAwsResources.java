package local;

import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates, if missing, what the service expects to exist in AWS: the bucket, the ingest queue with its
 * dead-letter queue and redrive policy, and the job table with its owner index. In AWS these come from
 * infrastructure code (see k8s/ and the README); locally this class stands in for it.
 */
public final class LocalAwsResources {

    private static final Logger LOG = Logger.getLogger(LocalAwsResources.class);

    /** Names and queue settings, as in application.properties. */
    public record Names(String bucket, String ingestQueue, String deadLetterQueue, String jobsTable,
            int visibilityTimeoutSeconds, int maxReceiveCount) {

        public static Names from(Config config) {
            return new Names(config.getValue("app.s3.bucket", String.class),
                    config.getValue("app.sqs.ingest-queue", String.class),
                    config.getValue("app.sqs.ingest-dlq", String.class),
                    config.getValue("app.ddb.jobs-table", String.class),
                    config.getValue("app.sqs.visibility-timeout-seconds", Integer.class),
                    config.getValue("app.sqs.max-receive-count", Integer.class));
        }
    }

    private LocalAwsResources() {
    }

    public static void ensure(S3Client s3, SqsClient sqs, DynamoDbClient dynamo, Names names) {
        UntilReady.run(() -> bucket(s3, names.bucket()));
        UntilReady.run(() -> queues(sqs, names));
        UntilReady.run(() -> jobsTable(dynamo, names.jobsTable()));
    }

    private static void bucket(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
            LOG.infof("Created bucket %s", bucket);
        }
    }

    private static void queues(SqsClient sqs, Names names) {
        String dlqUrl = queueUrl(sqs, names.deadLetterQueue(), Map.of(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(14 * 24 * 3600)));
        String dlqArn = sqs.getQueueAttributes(a -> a.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrl(sqs, names.ingestQueue(), Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(names.visibilityTimeoutSeconds()),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":\"%d\"}"
                        .formatted(dlqArn, names.maxReceiveCount())));
    }

    private static String queueUrl(SqsClient sqs, String name, Map<QueueAttributeName, String> attributes) {
        try {
            return sqs.getQueueUrl(q -> q.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException e) {
            LOG.infof("Creating queue %s", name);
            return sqs.createQueue(q -> q.queueName(name).attributes(attributes)).queueUrl();
        }
    }

    private static void jobsTable(DynamoDbClient dynamo, String table) {
        try {
            boolean current = dynamo.describeTable(d -> d.tableName(table)).table().keySchema().stream()
                    .anyMatch(k -> k.attributeName().equals("sk"));
            if (!current) {
                throw new IllegalStateException("The local table " + table + " has the old layout (one item per job);"
                        + " remove the local data directory (./mvnw clean) to start afresh");
            }
            return;
        } catch (ResourceNotFoundException e) {
            LOG.infof("Creating table %s", table);
        }
        // As in infrastructure: pk/sk, and the sparse owner index over job headers with the listing's fields.
        // Infrastructure also turns on TTL on expiresAt (ended rate-limit windows, task tokens' jobs); dynalite
        // has no UpdateTimeToLive, so locally nothing deletes them (small items: one per owner, call and
        // window used; one per Step Functions task).
        dynamo.createTable(t -> t.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"), attribute("sk"), attribute("owner"), attribute("createdAt"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("owner-createdAt")
                        .keySchema(key("owner", KeyType.HASH), key("createdAt", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("status", "imageCount", "updatedAt"))
                        .build()));
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
