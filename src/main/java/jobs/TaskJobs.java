package jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Which job answers a Step Functions task token, so that a task message delivered more than once (SQS
 * delivers at least once, a dead letter can be replayed, a sender can send again) starts one job: one item
 * per token in the job table ({@code pk = TASK#<SHA-256 of the token, hex>}, {@code sk = TASK}) naming the
 * job, and {@code expiresAt} (epoch seconds, the table's TTL attribute) {@value #KEPT_DAYS} days on: a task
 * token lives as long as its execution waits, at most a year (a Standard workflow's longest run), and a
 * dead letter replayed or a message sent again may come any time in it. Job ids never start with
 * {@code TASK#}, and these items carry no {@code owner}, so they share no partition with jobs and the owner
 * index never sees them.
 */
final class TaskJobs {

    static final String JOB_ID = "jobId";
    private static final String PREFIX = "TASK#";
    private static final String SORT = "TASK";
    private static final String EXPIRES_AT = "expiresAt";
    private static final int KEPT_DAYS = 366;

    private final String table;

    TaskJobs(String table) {
        this.table = table;
    }

    /** The item's key for this token. */
    static Map<String, AttributeValue> key(String taskToken) {
        return Map.of(JobItems.PK, JobItems.s(PREFIX + sha256(taskToken)), JobItems.SK, JobItems.s(SORT));
    }

    /** Records {@code jobId} as the token's job, on the condition that the token has none yet. */
    PutItemRequest record(String taskToken, String jobId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(taskToken));
        item.put(JOB_ID, JobItems.s(jobId));
        item.put(EXPIRES_AT, JobItems.n(now.plus(Duration.ofDays(KEPT_DAYS)).getEpochSecond()));
        return PutItemRequest.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", JobItems.PK)).build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
