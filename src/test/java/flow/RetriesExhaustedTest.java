package flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aws.S3EventNotifications;
import aws.S3ObjectCreated;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jobs.Job;
import jobs.JobStore;
import jobs.SourceObject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import testing.ApiClient;
import testing.LocalAwsTestResource;
import testing.Queues;
import testing.ShortTimers;

/** When Camel's retries run out: the image ends FAILED internal and the message waits in the DLQ with its reason. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@TestProfile(ShortTimers.class)
class RetriesExhaustedTest {

    @Inject
    SqsClient sqs;

    @Inject
    JobStore store;

    @Inject
    S3EventNotifications events;

    @Test
    void aFailureThatOutlastsTheRetriesEndsInTheDeadLetterQueueWithItsReason() {
        // The event names an object S3 does not have: every fetch fails, retried like any S3 error.
        String key = "uploads/oscar/01VANISHED/photo.jpg";
        Job job = Job.create("01VANISHED" + System.nanoTime(), "oscar", "default", Map.of(),
                List.of(new SourceObject(LocalAwsTestResource.BUCKET, key, 1234L, "image/jpeg")), Instant.now());
        store.create(job);
        String queue = sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.QUEUE)).queueUrl();
        String event = events.objectCreated(new S3ObjectCreated(LocalAwsTestResource.BUCKET, key, 1234, null, null, null,
                job.jobId(), 0));
        sqs.sendMessage(m -> m.queueUrl(queue).messageBody(event));

        JsonPath failed = ApiClient.awaitEnded(ApiClient.token("oscar"), job.jobId());
        assertEquals("FAILED", failed.getString("status"));
        assertEquals("internal", failed.getString("images[0].error.code"));
        assertTrue(failed.getString("images[0].error.message").startsWith("Processing failed after all retries"));

        String dlq = sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.DLQ)).queueUrl();
        List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(5).messageAttributeNames("All"))
                .messages();
        assertEquals(1, dead.size());
        assertEquals(List.of(new S3ObjectCreated(LocalAwsTestResource.BUCKET, key, 1234, null, null, null, job.jobId(), 0)),
                events.parse(dead.get(0).body()), "the dead letter is the replayable event");
        assertTrue(dead.get(0).messageAttributes().get("failureReason").stringValue().contains("NoSuchKey"),
                dead.get(0).messageAttributes().toString());
        assertEquals("render-image", dead.get(0).messageAttributes().get("failureRoute").stringValue());
        Queues.awaitDrained(sqs, queue);
    }
}
