package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import local.LocalAwsServers;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import testing.ApiClient;
import testing.Corpus;
import testing.LocalAws;
import testing.LocalAwsTestResource;
import testing.ShortTimers;

/**
 * No job stays PENDING for ever: without its upload it ends FAILED upload-expired; with its upload in the
 * bucket it is rendered, even when the upload's S3 event comes after the check; and a check that was
 * dead-lettered still does its work when replayed.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@TestProfile(ShortTimers.class)
class UploadExpiryTest {

    /** The local stand-in for S3's bucket notifications (see local.LocalS3EventBridge). */
    private static final String S3_EVENTS = "local-s3-event-bridge";

    @Inject
    CamelContext camel;

    @Inject
    SqsClient sqs;

    @LocalAws
    LocalAwsServers servers;

    @Test
    void aJobWhoseUploadNeverCameEndsFailedAndOneWhoseUploadCameIsUntouched() {
        String token = ApiClient.token("nina");
        String abandoned = ApiClient.presign(token, "never.jpg", "image/jpeg", 1234).getString("jobId");
        byte[] photo = Corpus.read("orientation/Landscape_5.jpg");
        JsonPath presigned = ApiClient.presign(token, "in-time.jpg", "image/jpeg", photo.length);
        assertEquals(200, ApiClient.put(presigned.getString("upload.url"), "image/jpeg", photo));

        JsonPath expired = ApiClient.awaitEnded(token, abandoned);
        assertEquals("FAILED", expired.getString("status"));
        assertEquals("upload-expired", expired.getString("images[0].error.code"));

        String onTime = presigned.getString("jobId");
        assertEquals("COMPLETED", ApiClient.awaitEnded(token, onTime).getString("status"));
        try {
            // past the on-time job's own check, due 4 s after it was created
            Thread.sleep(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals("COMPLETED", ApiClient.job(token, onTime).getString("status"),
                "the check for a job that got its file changes nothing");
    }

    @Test
    void aFileThatArrivedIsRenderedWhenItsEventIsStillToCome() throws Exception {
        String token = ApiClient.token("olga");
        byte[] photo = Corpus.read("orientation/Portrait_4.jpg");
        // S3's notification is late (a backlog on the queue): none comes before the check is due.
        camel.getRouteController().stopRoute(S3_EVENTS);
        try {
            JsonPath presigned = ApiClient.presign(token, "late-event.jpg", "image/jpeg", photo.length);
            assertEquals(200, ApiClient.put(presigned.getString("upload.url"), "image/jpeg", photo));
            JsonPath job = ApiClient.awaitEnded(token, presigned.getString("jobId"));
            assertEquals("COMPLETED", job.getString("status"), job.prettify());
            assertEquals(6, job.getList("images[0].variants").size());
        } finally {
            camel.getRouteController().startRoute(S3_EVENTS);
        }
    }

    @Test
    void aDeadLetteredCheckReplayedStillEndsItsJob() throws InterruptedException {
        String token = ApiClient.token("petra");
        String jobId = ApiClient.presign(token, "never-sent.jpg", "image/jpeg", 1234).getString("jobId");
        String dlq = sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.DLQ)).queueUrl();
        // The job table is down when the check comes due, for longer than the check's retries last.
        servers.kill(LocalAwsServers.Server.DYNAMODB);
        Message dead;
        try {
            dead = awaitDeadLetter(dlq, jobId);
        } finally {
            servers.restart(LocalAwsServers.Server.DYNAMODB);
        }
        assertEquals("upload-expiry", dead.messageAttributes().get("messageType").stringValue(),
                "dead-lettered with every attribute it had: " + dead.messageAttributes());
        assertEquals("PENDING", ApiClient.job(token, jobId).getString("status"));

        String admin = given().contentType("application/json").body(Map.of("user", "ops", "groups", List.of("admin")))
                .post("/dev/token").then().statusCode(200).extract().path("token");
        given().auth().oauth2(admin).post("/admin/dead-letters/replay").then().statusCode(200)
                .body("replayed", greaterThanOrEqualTo(1));
        JsonPath expired = ApiClient.awaitEnded(token, jobId);
        assertEquals("FAILED", expired.getString("status"));
        assertEquals("upload-expired", expired.getString("images[0].error.code"));
    }

    /** The job's dead letter, looked at without taking it (visible again at once for the replay). */
    private Message awaitDeadLetter(String dlq, String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(1).visibilityTimeout(0)
                    .maxNumberOfMessages(10).messageAttributeNames("All")).messages();
            for (Message message : messages) {
                if (message.body().contains(jobId)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The check was never dead-lettered");
    }
}
