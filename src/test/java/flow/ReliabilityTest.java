package flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aws.S3EventNotifications;
import aws.S3ObjectCreated;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jobs.Job;
import jobs.JobStore;
import local.LocalAwsServers;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import testing.ApiClient;
import testing.Corpus;
import testing.ImageItems;
import testing.LocalAws;
import testing.LocalAwsTestResource;
import testing.Queues;

/** Duplicates and outages, against the real local servers: every upload ends COMPLETED, once. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class ReliabilityTest {

    /** An image item's revision after exactly one claim and one completion. */
    private static final long CLAIMED_ONCE_COMPLETED_ONCE = 2;

    @Inject
    SqsClient sqs;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    JobStore store;

    @Inject
    S3Client s3;

    @Inject
    S3EventNotifications events;

    @LocalAws
    LocalAwsServers servers;

    @Test
    void theSameEventDeliveredAgainAndTwiceAtOnceProducesNoNewWork() {
        String token = ApiClient.token("judy");
        JsonPath done = ApiClient.upload(token, "orientation/Landscape_2.jpg", "image/jpeg");
        String jobId = done.getString("jobId");
        Job before = store.find(jobId).orElseThrow();
        assertEquals(CLAIMED_ONCE_COMPLETED_ONCE, revision(jobId));
        List<Instant> writtenAt = variantTimes(before);

        String queue = sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.QUEUE)).queueUrl();
        String key = done.getString("images[0].source.key");
        String event = events.objectCreated(new S3ObjectCreated(LocalAwsTestResource.BUCKET, key,
                done.getLong("images[0].source.bytes"), "etag", null, "0001"));
        for (int i = 0; i < 3; i++) {
            sqs.sendMessage(m -> m.queueUrl(queue).messageBody(event));
        }
        Queues.awaitDrained(sqs, queue);

        Job after = store.find(jobId).orElseThrow();
        assertEquals(CLAIMED_ONCE_COMPLETED_ONCE, revision(jobId), "the image record was not written again");
        assertEquals(1, ImageItems.attempts(dynamo, jobId), "worked on once");
        assertEquals(before.updatedAt(), after.updatedAt(), "nor the job's header");
        assertEquals(before, after);
        assertEquals(writtenAt, variantTimes(after), "no variant was written again");
    }

    @Test
    void anS3OutageOfTenSecondsMidBatchCostsNothing() throws InterruptedException {
        String token = ApiClient.token("kim");
        String[] files = {"orientation/Portrait_2.jpg", "orientation/Portrait_3.jpg", "jpeg/progressive.jpg",
            "photos/medium-landscape-storm.jpg", "gif/static-photo.gif", "webp/lossy.webp"};
        List<String> jobs = new ArrayList<>();
        for (String file : files) {
            byte[] bytes = Corpus.read(file);
            String type = "image/" + (file.endsWith(".jpg") ? "jpeg" : file.substring(file.lastIndexOf('.') + 1));
            JsonPath presigned = ApiClient.presign(token, file.substring(file.lastIndexOf('/') + 1), type, bytes.length);
            assertEquals(200, ApiClient.put(presigned.getString("upload.url"), type, bytes));
            jobs.add(presigned.getString("jobId"));
        }
        awaitAnyStarted(token, jobs);
        servers.kill(LocalAwsServers.Server.S3);
        Thread.sleep(10_000);
        servers.restart(LocalAwsServers.Server.S3);

        for (String jobId : jobs) {
            JsonPath job = ApiClient.awaitEnded(token, jobId);
            assertEquals("COMPLETED", job.getString("status"), jobId + ": " + job.prettify());
            assertEquals(CLAIMED_ONCE_COMPLETED_ONCE, revision(jobId), jobId + " was claimed once");
        }
    }

    private void awaitAnyStarted(String token, List<String> jobs) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (String jobId : jobs) {
                if (!"PENDING".equals(ApiClient.job(token, jobId).getString("status"))) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No job started");
    }

    private long revision(String jobId) {
        return ImageItems.revision(dynamo, jobId);
    }

    private List<Instant> variantTimes(Job job) {
        return job.images().get(0).variants().stream().map(v -> s3.headObject(h -> h
                .bucket(LocalAwsTestResource.BUCKET).key(v.key())).lastModified()).toList();
    }
}
