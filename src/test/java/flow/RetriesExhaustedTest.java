package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import jobs.Job;
import jobs.JobStore;
import jobs.SourceObject;
import local.LocalAwsServers;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import support.Ulid;
import testing.ApiClient;
import testing.Corpus;
import testing.ImageItems;
import testing.LocalAws;
import testing.LocalAwsTestResource;
import testing.Queues;
import testing.ShortTimers;

/**
 * When Camel's retries run out: the image ends FAILED internal and the message waits in the DLQ with its
 * reason; once the cause is gone, an operator's replay takes the image up again and it completes.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@TestProfile(ShortTimers.class)
class RetriesExhaustedTest {

    @Inject
    SqsClient sqs;

    @Inject
    S3Client s3;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    JobStore store;

    @Inject
    S3EventNotifications events;

    @LocalAws
    LocalAwsServers servers;

    @Test
    void anOutageThatOutlastsTheRetriesIsDeadLetteredAndItsReplayCompletes() {
        // A batch-style job over an upload of another job, so the local S3 event bridge never names it.
        String key = "uploads/oscar/01ELSEWHERE" + System.nanoTime() + "/photo.jpg";
        byte[] photo = Corpus.read("orientation/Landscape_7.jpg");
        s3.putObject(p -> p.bucket(LocalAwsTestResource.BUCKET).key(key).contentType("image/jpeg"),
                RequestBody.fromBytes(photo));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Job job = Job.create(Ulid.next(now), "oscar", "default", Map.of(),
                List.of(new SourceObject(LocalAwsTestResource.BUCKET, key, (long) photo.length, "image/jpeg")), now);
        store.create(job);
        S3ObjectCreated object = new S3ObjectCreated(LocalAwsTestResource.BUCKET, key, photo.length, null, null, null,
                job.jobId(), 0);
        String queue = sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.QUEUE)).queueUrl();
        String dlq = sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.DLQ)).queueUrl();
        String token = ApiClient.token("oscar");

        // S3 is down for longer than the retries last: every read of the source fails.
        servers.kill(LocalAwsServers.Server.S3);
        JsonPath failed;
        try {
            sqs.sendMessage(m -> m.queueUrl(queue).messageBody(events.objectCreated(object)));
            failed = ApiClient.awaitEnded(token, job.jobId());
        } finally {
            servers.restart(LocalAwsServers.Server.S3);
        }
        assertEquals("FAILED", failed.getString("status"));
        assertEquals("internal", failed.getString("images[0].error.code"));
        assertTrue(failed.getString("images[0].error.message").startsWith("Processing failed after all retries"));
        assertEquals(3, ImageItems.attempts(dynamo, job.jobId()), "claimed once, retried twice");

        // Looked at, not taken: visible again at once for the replay.
        List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(5).visibilityTimeout(0)
                .messageAttributeNames("All")).messages();
        assertEquals(1, dead.size());
        assertEquals(List.of(object), events.parse(dead.get(0).body()), "the dead letter is the replayable event");
        String reason = dead.get(0).messageAttributes().get("failureReason").stringValue();
        assertTrue(reason.contains("SdkClientException"), reason);
        assertEquals("render-image", dead.get(0).messageAttributes().get("failureRoute").stringValue());
        Queues.awaitDrained(sqs, queue);

        String admin = given().contentType("application/json").body(Map.of("user", "ops", "groups", List.of("admin")))
                .post("/dev/token").then().statusCode(200).extract().path("token");
        given().auth().oauth2(admin).post("/admin/dead-letters/replay").then().statusCode(200)
                .body("replayed", equalTo(1));
        JsonPath replayed = ApiClient.awaitEnded(token, job.jobId());
        assertEquals("COMPLETED", replayed.getString("status"), replayed.prettify());
        assertEquals(6, replayed.getList("images[0].variants").size());
        assertEquals(4, ImageItems.attempts(dynamo, job.jobId()), "and claimed once more by the replay");
        Queues.awaitDrained(sqs, queue);
        assertEquals(0, Queues.count(sqs, dlq));
    }
}
