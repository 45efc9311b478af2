package jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imaging.ExifSummary;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import testing.LocalAwsTestResource;

/**
 * Claims as JobStore makes them, at a clock the test moves: what a claim learns of its job without reading
 * the header (and when it must read it), and when holding an image costs a write.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class ClaimTest {

    private static final Duration LEASE = Duration.ofSeconds(120);
    private static final String BUCKET = LocalAwsTestResource.BUCKET;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Event<JobEnded> ended;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T09:00:00Z"));

    @Test
    void aClaimInTheFirstHalfOfItsLeaseTrustsItAndAfterThatAsksTheTable() {
        JobStore store = store();
        ImageRef ref = newJob(store, "lease-owner", "held.jpg", null);
        ImageClaim claim = store.claim(ref, BUCKET, key("lease-owner", ref, "held.jpg"), false).orElseThrow();

        clock.advance(LEASE.dividedBy(3));
        long leaseUntil = leaseUntil(ref);
        assertTrue(store.holds(claim));
        assertEquals(leaseUntil, leaseUntil(ref), "in the first half of the lease nothing is written");

        clock.advance(LEASE.dividedBy(3));
        assertTrue(store.holds(claim));
        assertEquals(clock.instant().plus(LEASE).toEpochMilli(), leaseUntil(ref), "past half, the lease is renewed");

        // another worker took the image over (as after a pause longer than the lease)
        dynamo.updateItem(u -> u.tableName(LocalAwsTestResource.TABLE).key(JobItems.imageKey(ref))
                .updateExpression("SET leaseToken = :t").expressionAttributeValues(Map.of(":t", AttributeValue.fromS("other"))));
        assertFalse(store.holds(claim), "past half of the claim's lease, a lost image is found lost");
    }

    @Test
    void aClaimLearnsItsJobFromTheImageItem() {
        JobStore store = store();
        ImageRef ref = newJob(store, "facts-owner", "photo.jpg", null);
        Map<String, AttributeValue> copy = image(ref).get(JobItems.JOB).m();
        assertEquals("facts-owner", copy.get("owner").s());
        assertEquals("classic", copy.get("preset").s());

        ImageClaim claim = store.claim(ref, BUCKET, key("facts-owner", ref, "photo.jpg"), false).orElseThrow();
        assertEquals("facts-owner", claim.owner());
        assertEquals("classic", claim.preset());
        assertEquals(1, claim.images());
        assertEquals(clock.instant().plus(LEASE), claim.leaseUntil());
        assertEquals(Status.PROCESSING, store.find(ref.jobId()).orElseThrow().status(), "the first claim starts the job");
    }

    @Test
    void aTasksTokenStaysOnTheHeaderAndItsClaimReadsIt() {
        JobStore store = store();
        String token = "task-token-" + "x".repeat(1000);
        ImageRef ref = newJob(store, "task-owner", "task.jpg", token);
        Map<String, AttributeValue> copy = image(ref).get(JobItems.JOB).m();
        assertFalse(copy.containsKey("taskToken"), "a token of up to 2 KB is not copied onto every image");
        assertTrue(copy.get(JobItems.HAS_TASK).bool());

        ImageClaim claim = store.claim(ref, BUCKET, key("task-owner", ref, "task.jpg"), false).orElseThrow();
        assertEquals(token, claim.taskToken());
        assertEquals("task-owner", claim.owner());
    }

    @Test
    void anImageItemWrittenBeforeItsJobWasCopiedOntoItIsClaimedFromItsHeader() {
        JobStore store = store();
        ImageRef ref = newJob(store, "legacy-owner", "old.jpg", null);
        dynamo.updateItem(u -> u.tableName(LocalAwsTestResource.TABLE).key(JobItems.imageKey(ref))
                .updateExpression("REMOVE #job").expressionAttributeNames(Map.of("#job", JobItems.JOB)));

        ImageClaim claim = store.claim(ref, BUCKET, key("legacy-owner", ref, "old.jpg"), false).orElseThrow();
        assertEquals("legacy-owner", claim.owner());
        assertEquals("classic", claim.preset());
        assertEquals(1, claim.images());

        store.complete(claim, new ImageFacts(10, 10, "jpeg", false,
                new ExifSummary(null, null, null, 1, false), null), List.of(), null, Analysis.NONE);
        assertEquals(Status.COMPLETED, store.find(ref.jobId()).orElseThrow().status());
        assertTrue(store.claim(ref, BUCKET, key("legacy-owner", ref, "old.jpg"), false).isEmpty(),
                "a duplicate event for it is a no-op, counted once");
        assertEquals(Status.COMPLETED, store.find(ref.jobId()).orElseThrow().status());
    }

    private JobStore store() {
        return new JobStore(dynamo, LocalAwsTestResource.TABLE, LEASE, ended, clock);
    }

    private ImageRef newJob(JobStore store, String owner, String file, String taskToken) {
        String jobId = "01CLAIMTEST" + Long.toString(System.nanoTime(), 36).toUpperCase();
        SourceObject source = new SourceObject(BUCKET, StorageLayout.UPLOADS + owner + "/" + jobId + "/" + file, 100L,
                "image/jpeg");
        Job job = Job.create(jobId, owner, "classic", Map.of(), List.of(source), clock.instant());
        if (taskToken == null) {
            store.create(job);
        } else {
            assertTrue(store.createForTask(job, taskToken));
        }
        return new ImageRef(jobId, 0);
    }

    private static String key(String owner, ImageRef ref, String file) {
        return StorageLayout.UPLOADS + owner + "/" + ref.jobId() + "/" + file;
    }

    private Map<String, AttributeValue> image(ImageRef ref) {
        return dynamo.getItem(g -> g.tableName(LocalAwsTestResource.TABLE).key(JobItems.imageKey(ref))
                .consistentRead(true)).item();
    }

    private long leaseUntil(ImageRef ref) {
        return Long.parseLong(image(ref).get(JobItems.LEASE_UNTIL).n());
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
