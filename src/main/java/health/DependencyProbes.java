package health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Whether S3, SQS and DynamoDB answer, checked in the background with one cheap call each (HeadBucket,
 * GetQueueAttributes on both queues, DescribeTable) every {@code app.health.probe-interval}, each call
 * bounded by {@code app.health.call-timeout}. Probes only read the last results, so they never wait on
 * AWS nor multiply its calls; a dependency counts as down only after {@code app.health.failures-before-down}
 * failed checks in a row, so one slow answer does not take the pod out of service.
 *
 * <p>The queue attributes read by the SQS check also feed the gauge
 * {@code image_pipeline_queue_messages{queue,state}} (queue {@code ingest} or {@code dead-letter}, state
 * {@code visible}, {@code in-flight} or {@code delayed}; NaN until first read). SQS's API does not tell the
 * age of the oldest message: CloudWatch's {@code ApproximateAgeOfOldestMessage} (the infra alarm) does.
 */
@Singleton
public class DependencyProbes {

    public static final String QUEUE_MESSAGES = "image.pipeline.queue.messages";
    private static final Logger LOG = Logger.getLogger(DependencyProbes.class);

    /** The AWS services the pipeline cannot work without. */
    public enum Dependency {
        S3, SQS, DYNAMODB;

        public String id() {
            return name().toLowerCase();
        }
    }

    /** What the checks of one dependency found last; {@code error} is null after a success. */
    public record Result(int failuresInARow, Instant checkedAt, String error) {
        static final Result NOT_YET = new Result(0, null, "not checked yet");
    }

    private enum Queue {
        INGEST("ingest"), DEAD_LETTER("dead-letter");

        private final String tag;

        Queue(String tag) {
            this.tag = tag;
        }
    }

    private static final Map<QueueAttributeName, String> STATES = Map.of(
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "visible",
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "in-flight",
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "delayed");

    private final S3Client s3;
    private final SqsClient sqs;
    private final DynamoDbClient dynamo;
    private final String bucket;
    private final Map<Queue, String> queueNames = new EnumMap<>(Queue.class);
    private final Map<Queue, String> queueUrls = new EnumMap<>(Queue.class);
    private final Map<Queue, AtomicReference<Map<QueueAttributeName, String>>> depths = new EnumMap<>(Queue.class);
    private final String table;
    private final Duration interval;
    private final AwsRequestOverrideConfiguration bounded;
    private final int failuresBeforeDown;
    private final Clock clock = Clock.systemUTC();
    private final Map<Dependency, AtomicReference<Result>> results = new EnumMap<>(Dependency.class);
    private ScheduledExecutorService executor;

    public DependencyProbes(S3Client s3, SqsClient sqs, DynamoDbClient dynamo, MeterRegistry registry,
            @ConfigProperty(name = "app.s3.bucket") String bucket,
            @ConfigProperty(name = "app.sqs.ingest-queue") String ingestQueue,
            @ConfigProperty(name = "app.sqs.ingest-dlq") String deadLetterQueue,
            @ConfigProperty(name = "app.ddb.jobs-table") String table,
            @ConfigProperty(name = "app.health.probe-interval") Duration interval,
            @ConfigProperty(name = "app.health.call-timeout") Duration callTimeout,
            @ConfigProperty(name = "app.health.failures-before-down") int failuresBeforeDown) {
        this.s3 = s3;
        this.sqs = sqs;
        this.dynamo = dynamo;
        this.bucket = bucket;
        this.table = table;
        this.interval = interval;
        this.failuresBeforeDown = Math.max(1, failuresBeforeDown);
        this.bounded = AwsRequestOverrideConfiguration.builder().apiCallTimeout(callTimeout).build();
        queueNames.put(Queue.INGEST, ingestQueue);
        queueNames.put(Queue.DEAD_LETTER, deadLetterQueue);
        for (Dependency dependency : Dependency.values()) {
            results.put(dependency, new AtomicReference<>(Result.NOT_YET));
        }
        for (Queue queue : Queue.values()) {
            AtomicReference<Map<QueueAttributeName, String>> depth = new AtomicReference<>(Map.of());
            depths.put(queue, depth);
            STATES.forEach((attribute, state) -> Gauge.builder(QUEUE_MESSAGES, depth, d -> count(d.get(), attribute))
                    .description("Messages on the queue (SQS's approximate counts, read every probe interval)")
                    .tag("queue", queue.tag).tag("state", state).register(registry));
        }
    }

    void start(@Observes StartupEvent started) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dependency-probes");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::checkAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** The last result of the dependency's checks. */
    public Result result(Dependency dependency) {
        return results.get(dependency).get();
    }

    /** Up: its last check succeeded, or fewer than the allowed checks in a row have failed since. */
    public boolean up(Dependency dependency) {
        Result result = result(dependency);
        return result.checkedAt() != null && result.failuresInARow() < failuresBeforeDown;
    }

    private void checkAll() {
        check(Dependency.S3, () -> s3.headBucket(h -> h.bucket(bucket).overrideConfiguration(bounded)));
        check(Dependency.SQS, () -> List.of(Queue.values()).forEach(this::readDepth));
        check(Dependency.DYNAMODB, () -> dynamo.describeTable(d -> d.tableName(table).overrideConfiguration(bounded)));
    }

    private void check(Dependency dependency, Runnable call) {
        AtomicReference<Result> result = results.get(dependency);
        try {
            call.run();
            if (result.get().error() != null && result.get().checkedAt() != null) {
                LOG.infof("%s answers again", dependency.id());
            }
            result.set(new Result(0, clock.instant(), null));
        } catch (RuntimeException e) {
            Result failed = new Result(result.get().failuresInARow() + 1, clock.instant(), e.toString());
            result.set(failed);
            if (failed.failuresInARow() == failuresBeforeDown) {
                LOG.warnf("%s does not answer (%d checks in a row): %s", dependency.id(), failed.failuresInARow(),
                        failed.error());
            }
        }
    }

    private void readDepth(Queue queue) {
        String url = queueUrls.computeIfAbsent(queue, q -> sqs.getQueueUrl(g -> g.queueName(queueNames.get(q))
                .overrideConfiguration(bounded)).queueUrl());
        depths.get(queue).set(sqs.getQueueAttributes(g -> g.queueUrl(url).attributeNames(STATES.keySet())
                .overrideConfiguration(bounded)).attributes());
    }

    private static double count(Map<QueueAttributeName, String> attributes, QueueAttributeName attribute) {
        String value = attributes.get(attribute);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }
}
