package jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Fixed-window request counters in the job table: one item per owner, action and window
 * ({@code pk = RATE#<owner>#<action>}, {@code sk} = the window's start as a fixed-width UTC time), holding
 * the number of requests admitted in it and {@code expiresAt} (epoch seconds, the table's TTL attribute)
 * so that DynamoDB deletes windows that have ended. Owner ids never contain {@code #}, and job ids never
 * start with {@code RATE#}, so these items share no partition with jobs; they carry no {@code owner}, so
 * the owner index never sees them.
 */
final class RateWindows {

    private static final String PREFIX = "RATE#";
    private static final String REQUESTS = "requests";
    private static final String EXPIRES_AT = "expiresAt";

    private final String table;

    RateWindows(String table) {
        this.table = table;
    }

    /** The start of the window of the given length that holds {@code now}; windows are aligned to the epoch. */
    static Instant start(Instant now, Duration window) {
        long millis = now.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, window.toMillis()));
    }

    /**
     * Counts one request in the window, on the condition that it has counted fewer than {@code limit}: one
     * atomic write, so every service instance sharing the table shares the count. A refused request is not
     * counted.
     */
    UpdateItemRequest count(String owner, String action, Instant start, Duration window, long limit) {
        // TTL is in whole seconds: the first second after the window ends
        long expiresAt = start.plus(window).plusSeconds(1).getEpochSecond();
        return UpdateItemRequest.builder().tableName(table)
                .key(Map.of(JobItems.PK, JobItems.s(PREFIX + owner + "#" + action), JobItems.SK, JobItems.time(start)))
                .updateExpression("ADD #requests :one SET #expiresAt = :expiresAt")
                .conditionExpression("attribute_not_exists(#requests) OR #requests < :limit")
                .expressionAttributeNames(Map.of("#requests", REQUESTS, "#expiresAt", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":one", JobItems.n(1), ":limit", JobItems.n(limit),
                        ":expiresAt", JobItems.n(expiresAt)))
                .build();
    }
}
