package infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.sqs.QueuePolicy;
import software.constructs.Construct;

/**
 * The ingest queue (S3 events in) and its dead-letter queue. Camel owns retries inside the worker
 * (README "Reliability"); the redrive policy is the safety net for a message whose worker dies again and
 * again. Settings as the service expects them ({@code app.sqs.*}, {@code app.pipeline.lease}).
 */
public final class IngestQueues extends Construct {

    /** = {@code app.pipeline.lease} and {@code app.sqs.visibility-timeout-seconds}. */
    public static final Duration VISIBILITY_TIMEOUT = Duration.seconds(120);
    /** = {@code app.sqs.max-receive-count}. */
    public static final int MAX_RECEIVE_COUNT = 5;
    public static final Duration DEAD_LETTER_RETENTION = Duration.days(14);

    private final Queue deadLetters;
    private final Queue ingest;
    private final QueuePolicy ingestPolicy;

    public IngestQueues(Construct scope, String id, StackSettings settings, String bucketArn) {
        super(scope, id);
        deadLetters = Queue.Builder.create(this, "DeadLetters")
                .queueName(settings.deadLetterQueueName())
                .retentionPeriod(DEAD_LETTER_RETENTION)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        ingest = Queue.Builder.create(this, "Ingest")
                .queueName(settings.ingestQueueName())
                .visibilityTimeout(VISIBILITY_TIMEOUT)
                // Longer than the DLQ's would be wrong: a message keeps its enqueue time when moved there.
                .retentionPeriod(Duration.days(4))
                .receiveMessageWaitTime(Duration.seconds(20))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(MAX_RECEIVE_COUNT).build())
                // SQS-managed keys: S3 can send to the queue without a key policy of its own.
                .encryption(QueueEncryption.SQS_MANAGED)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // One policy for the ingest queue (a second QueuePolicy on the same queue would replace the first):
        // only this bucket, in this account, may send (the confused-deputy guard AWS documents for S3
        // notifications), and nothing may reach the queue without TLS.
        ingestPolicy = QueuePolicy.Builder.create(this, "IngestPolicy").queues(List.of(ingest)).build();
        ingestPolicy.getDocument().addStatements(
                PolicyStatement.Builder.create()
                        .sid("AllowUploadNotificationsFromTheBucket")
                        .principals(List.of(new ServicePrincipal("s3.amazonaws.com")))
                        .actions(List.of("sqs:SendMessage"))
                        .resources(List.of(ingest.getQueueArn()))
                        .conditions(Map.of(
                                "ArnEquals", Map.of("aws:SourceArn", bucketArn),
                                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)))
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("DenyWithoutTls")
                        .effect(Effect.DENY)
                        .principals(List.of(new AnyPrincipal()))
                        .actions(List.of("sqs:*"))
                        .resources(List.of(ingest.getQueueArn()))
                        .conditions(Map.of("Bool", Map.of("aws:SecureTransport", "false")))
                        .build());
    }

    public Queue ingest() {
        return ingest;
    }

    public Queue deadLetters() {
        return deadLetters;
    }

    public QueuePolicy ingestPolicy() {
        return ingestPolicy;
    }
}
