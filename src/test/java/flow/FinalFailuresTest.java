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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import jobs.Job;
import jobs.JobStore;
import jobs.SourceObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import support.Ulid;
import testing.ApiClient;
import testing.Corpus;
import testing.ImageItems;
import testing.LocalAwsTestResource;
import testing.Queues;
import testing.ScriptedEngine;
import testing.ScriptedWork;

/**
 * Failures that no retry can mend end the image at once with their code, attempted once, the message
 * acknowledged and nothing dead-lettered; the service goes on serving.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@TestProfile(ScriptedWork.class)
class FinalFailuresTest {

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

    @Test
    void aSourceThatNoLongerExistsEndsSourceNotFound() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Job job = Job.create(Ulid.next(now), "gwen", "default", Map.of(), List.of(new SourceObject(
                LocalAwsTestResource.BUCKET, "uploads/gwen/01GONE/gone.jpg", 1234L, "image/jpeg")), now);
        store.create(job);
        sqs.sendMessage(m -> m.queueUrl(queueUrl()).messageBody(events.objectCreated(new S3ObjectCreated(
                LocalAwsTestResource.BUCKET, "uploads/gwen/01GONE/gone.jpg", 1234, null, null, null, job.jobId(), 0))));

        JsonPath failed = ApiClient.awaitEnded(ApiClient.token("gwen"), job.jobId());
        assertFinal(failed, job.jobId(), "source-not-found");
    }

    @ParameterizedTest
    @CsvSource({ScriptedEngine.OUT_OF_MEMORY + "photo.jpg, internal, OutOfMemoryError",
        ScriptedEngine.STACK_OVERFLOW + "photo.jpg, internal, StackOverflowError",
        ScriptedEngine.HUGE_RECORD + "photo.jpg, record-too-large, 400 KB"})
    void whatFailsTheSameWayEveryTimeIsAttemptedOnce(String fileName, String code, String said) {
        String token = ApiClient.token("hana");
        JsonPath failed = upload(token, fileName, "default");
        assertFinal(failed, failed.getString("jobId"), code);
        assertTrue(failed.getString("images[0].error.message").contains(said), failed.getString("images[0].error.message"));

        assertEquals("COMPLETED", upload(token, "after-" + fileName, "default").getString("status"),
                "the service goes on serving");
    }

    @Test
    void anEngineFailureOnThisInputIsAttemptedOnce() {
        // the preset's watermark is no image: the engine fails on every render with it
        s3.putObject(p -> p.bucket(LocalAwsTestResource.BUCKET).key("watermarks/not-an-image.png"),
                RequestBody.fromString("this is no PNG", StandardCharsets.UTF_8));
        String token = ApiClient.token("ines");
        JsonPath failed = upload(token, "photo.jpg", "broken-logo");
        assertFinal(failed, failed.getString("jobId"), "internal");
        assertTrue(failed.getString("images[0].error.message").contains("engine failed"),
                failed.getString("images[0].error.message"));
    }

    private void assertFinal(JsonPath job, String jobId, String code) {
        assertEquals("FAILED", job.getString("status"), job.prettify());
        assertEquals(code, job.getString("images[0].error.code"), job.prettify());
        assertEquals(1, ImageItems.attempts(dynamo, jobId), "attempted once, never retried");
        Queues.awaitDrained(sqs, queueUrl());
        assertEquals(0, Queues.count(sqs, sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.DLQ)).queueUrl()),
                "acknowledged, not dead-lettered");
    }

    private static JsonPath upload(String token, String fileName, String preset) {
        byte[] photo = Corpus.read("orientation/Landscape_3.jpg");
        JsonPath presigned = ApiClient.presign(token, fileName, "image/jpeg", photo.length, preset);
        assertEquals(200, ApiClient.put(presigned.getString("upload.url"), "image/jpeg", photo));
        return ApiClient.awaitEnded(token, presigned.getString("jobId"));
    }

    private String queueUrl() {
        return sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.QUEUE)).queueUrl();
    }
}
