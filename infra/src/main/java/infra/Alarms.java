package infra;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * CloudWatch alarms on the pipeline, sent (when raised and when cleared) to one SNS topic. The queue
 * alarms use SQS's own metrics; the failure-rate and render-time alarms use the service's metrics as the
 * Prometheus-to-CloudWatch pipe publishes them ({@link PipelineMetrics}). Thresholds and why: the README's
 * Deploy section.
 */
public final class Alarms extends Construct {

    /** Any dead letter is an image Camel gave up on after its retries: someone has to look, then replay. */
    public static final int DEAD_LETTERS = 1;
    /**
     * Seconds. The upload-expiry checks are sent to the ingest queue with a delay of at most SQS's maximum,
     * 900 s, so a healthy queue can hold messages that old; five minutes in a row above it is a backlog
     * that scaling did not absorb, or workers that stopped taking messages.
     */
    public static final int OLDEST_MESSAGE_SECONDS = 900;
    /** Seconds: p95 of one image's render over 15 minutes (see the README for the measured figures). */
    public static final int RENDER_P95_SECONDS = 10;
    /** Images per 5 minutes below which the failure rates are not judged (a few bad files are not a trend). */
    public static final int MIN_IMAGES_FOR_RATE = 20;
    /**
     * Percent of the images ended in 5 minutes, per failure code, three periods in a row. {@code internal}
     * (retries ran out) is the service failing; {@code too-complex} is the decoding budget being hit (hostile
     * files, or pods starved of CPU); {@code upload-expired} is clients that presign and never upload (a
     * broken client or bucket CORS rule); the input codes rising means a client started sending something
     * new (e.g. HEIC). {@code moderated} is the content policy doing its job and has no alarm.
     */
    public static final Map<String, Integer> FAILURE_RATE_PERCENT = failureRates();

    private final Topic topic;

    public Alarms(Construct scope, String id, StackSettings settings, IngestQueues queues) {
        super(scope, id);
        topic = Topic.Builder.create(this, "Topic").topicName(settings.prefix() + "-alarms").build();
        settings.alarmEmail().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));
        String prefix = settings.prefix();

        add(prefix + "-dead-letters", "Messages in the dead-letter queue: images the pipeline gave up on",
                queues.deadLetters().metricApproximateNumberOfMessagesVisible(every(Duration.minutes(1), "Maximum")),
                DEAD_LETTERS, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1);
        add(prefix + "-ingest-oldest-message", "The oldest message on the ingest queue is older than "
                        + OLDEST_MESSAGE_SECONDS + " s",
                queues.ingest().metricApproximateAgeOfOldestMessage(every(Duration.minutes(1), "Maximum")),
                OLDEST_MESSAGE_SECONDS, ComparisonOperator.GREATER_THAN_THRESHOLD, 5);
        FAILURE_RATE_PERCENT.forEach((code, percent) -> add(prefix + "-failure-rate-" + code,
                "More than " + percent + " % of images failed with " + code,
                failureRate(code), percent, ComparisonOperator.GREATER_THAN_THRESHOLD, 3));
        add(prefix + "-render-p95", "p95 render time per image above " + RENDER_P95_SECONDS + " s",
                Metric.Builder.create().namespace(PipelineMetrics.NAMESPACE).metricName(PipelineMetrics.RENDER_SECONDS)
                        .statistic("p95").period(Duration.minutes(5)).build(),
                RENDER_P95_SECONDS, ComparisonOperator.GREATER_THAN_THRESHOLD, 3);
    }

    private void add(String name, String description, IMetric metric, int threshold,
            ComparisonOperator comparison, int periods) {
        Alarm alarm = Alarm.Builder.create(this, name)
                .alarmName(name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                // No traffic publishes no datapoints: quiet, not alarming.
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
    }

    private static IMetric failureRate(String code) {
        Duration period = Duration.minutes(5);
        Metric failed = Metric.Builder.create().namespace(PipelineMetrics.NAMESPACE).metricName(PipelineMetrics.IMAGES)
                .dimensionsMap(Map.of(PipelineMetrics.OUTCOME, PipelineMetrics.FAILED, PipelineMetrics.CODE, code))
                .statistic("Sum").period(period).build();
        Metric total = Metric.Builder.create().namespace(PipelineMetrics.NAMESPACE).metricName(PipelineMetrics.IMAGES)
                .statistic("Sum").period(period).build();
        return MathExpression.Builder.create()
                .expression("IF(total >= " + MIN_IMAGES_FOR_RATE + ", 100 * FILL(failed, 0) / total, 0)")
                .usingMetrics(new TreeMap<>(Map.of("failed", failed, "total", total)))
                .label(code + " failures (% of images)")
                .period(period)
                .build();
    }

    private static MetricOptions every(Duration period, String statistic) {
        return MetricOptions.builder().period(period).statistic(statistic).build();
    }

    private static Map<String, Integer> failureRates() {
        Map<String, Integer> specific = Map.of("internal", 1, "too-complex", 5, "upload-expired", 20);
        Map<String, Integer> rates = new LinkedHashMap<>();
        for (String code : PipelineMetrics.CODES) {
            if (!code.equals("moderated")) {
                rates.put(code, specific.getOrDefault(code, 25));
            }
        }
        return Collections.unmodifiableMap(rates);
    }

    public Topic topic() {
        return topic;
    }
}
