package flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import aws.S3EventNotifications;
import aws.S3ObjectCreated;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import support.Ulid;
import testing.ApiClient;
import testing.LocalAwsTestResource;
import testing.Queues;

/**
 * Messages that are not work: garbage goes to the DLQ with its reason, S3's test event is dropped; and
 * an operator's replay of the DLQ.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class DeadLetterTest {

    @Inject
    SqsClient sqs;

    @Inject
    JobStore store;

    @Inject
    S3EventNotifications events;

    @Test
    void aGarbledMessageLandsInTheDeadLetterQueueWithItsReasonAndTheQueueKeepsFlowing() {
        String queue = sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.QUEUE)).queueUrl();
        String dlq = sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.DLQ)).queueUrl();
        sqs.sendMessage(m -> m.queueUrl(queue).messageBody("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}"));
        sqs.sendMessage(m -> m.queueUrl(queue).messageBody("this is no S3 event {"));

        Message dead = receiveOne(dlq);
        assertEquals("this is no S3 event {", dead.body());
        String reason = dead.messageAttributes().get("failureReason").stringValue();
        assertTrue(reason.contains("not JSON"), reason);
        assertEquals("ingest-s3-events", dead.messageAttributes().get("failureRoute").stringValue());
        Queues.awaitDrained(sqs, queue);

        JsonPath next = ApiClient.upload(ApiClient.token("dora"), "orientation/Portrait_1.jpg", "image/jpeg");
        assertEquals("COMPLETED", next.getString("status"));
        assertTrue(sqs.receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(1)).messages().isEmpty(),
                "only the garbled message is dead-lettered; the test event is dropped");
    }

    @Test
    void anOperatorReplaysDeadLettersBackIntoThePipeline() {
        String token = ApiClient.token("lena");
        JsonPath first = ApiClient.upload(token, "orientation/Landscape_4.jpg", "image/jpeg");
        String key = first.getString("images[0].source.key");
        // A job whose only message sits in the dead-letter queue, as after an outage that outlasted retries.
        Job parked = Job.create(Ulid.next(Instant.now()), "lena", "default", Map.of(),
                List.of(new SourceObject(LocalAwsTestResource.BUCKET, key, first.getLong("images[0].source.bytes"),
                        "image/jpeg")), Instant.now());
        store.create(parked);
        String dlq = sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.DLQ)).queueUrl();
        sqs.sendMessage(m -> m.queueUrl(dlq).messageBody(events.objectCreated(new S3ObjectCreated(
                LocalAwsTestResource.BUCKET, key, 1, null, null, null, parked.jobId(), 0))));

        given().auth().oauth2(token).post("/admin/dead-letters/replay").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden"));
        String admin = given().contentType("application/json").body(Map.of("user", "ops", "groups", List.of("admin")))
                .post("/dev/token").then().statusCode(200).extract().path("token");
        given().auth().oauth2(admin).post("/admin/dead-letters/replay").then().statusCode(200)
                .body("replayed", equalTo(1));

        JsonPath replayed = ApiClient.awaitEnded(token, parked.jobId());
        assertEquals("COMPLETED", replayed.getString("status"));
        assertEquals(6, replayed.getList("images[0].variants").size());
    }

    private Message receiveOne(String queueUrl) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(2)
                    .messageAttributeNames("All")).messages();
            if (!messages.isEmpty()) {
                sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(messages.get(0).receiptHandle()));
                return messages.get(0);
            }
        }
        throw new AssertionError("Nothing reached " + queueUrl);
    }
}
