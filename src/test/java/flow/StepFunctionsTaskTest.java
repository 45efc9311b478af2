package flow;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.Batches;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jobs.ImageRef;
import jobs.Job;
import jobs.JobItems;
import jobs.JobStore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import testing.ApiClient;
import testing.Corpus;
import testing.ImageItems;
import testing.LocalAwsTestResource;
import testing.Queues;
import testing.StepFunctionsStandIn;
import testing.StepFunctionsStandIn.Call;
import testing.StepFunctionsTestResource;

/**
 * The service as a task of a customer's state machine: task messages on the real local ingest queue, as
 * Step Functions' {@code sqs:sendMessage.waitForTaskToken} puts them there, answered through the Step
 * Functions API (a test-scope stand-in speaking its JSON protocol).
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@QuarkusTestResource(StepFunctionsTestResource.class)
class StepFunctionsTaskTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SOON = Duration.ofSeconds(60);

    StepFunctionsStandIn stepFunctions;

    @Inject
    SqsClient sqs;

    @Inject
    S3Client s3;

    @Inject
    JobStore jobStore;

    @Inject
    Batches batches;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void aTaskGetsHeartbeatsThenSendTaskSuccessWithItsJob() throws Exception {
        String first = upload("tasha", "orientation/Landscape_3.jpg");
        String second = upload("tasha", "jpeg/greyscale.jpg");
        String token = token();

        sendTask(Map.of("taskToken", token, "images", List.of(first, second), "preset", "classic",
                "metadata", Map.of("execution", "arn:aws:states:eu-west-1:123456789012:execution:sm:run-1")));

        Call success = stepFunctions.awaitAnswer(token, SOON);
        assertEquals("SendTaskSuccess", success.operation());
        JsonNode output = JSON.readTree(success.output());
        String jobId = output.path("jobId").asText();
        assertEquals("COMPLETED", output.path("status").asText());
        assertEquals("classic", output.path("preset").asText());
        assertEquals(2, output.path("imageCount").asInt());
        assertEquals(LocalAwsTestResource.BUCKET, output.path("bucket").asText());
        assertEquals("arn:aws:states:eu-west-1:123456789012:execution:sm:run-1",
                output.path("metadata").path("execution").asText());
        assertEquals("/v1/jobs/" + jobId, output.path("statusUrl").asText());
        assertEquals(first, output.path("images").get(0).path("source").asText());
        assertEquals(second, output.path("images").get(1).path("source").asText());
        for (JsonNode image : output.path("images")) {
            assertEquals("COMPLETED", image.path("status").asText());
            assertEquals(3, image.path("variants").size(), "classic has three variants");
            for (JsonNode variant : image.path("variants")) {
                String key = variant.path("key").asText();
                assertTrue(key.startsWith("processed/tasha/" + jobId + "/"), key);
                assertTrue(variant.path("bytes").asLong() > 0);
                s3.headObject(h -> h.bucket(LocalAwsTestResource.BUCKET).key(key));
            }
            assertFalse(image.has("placeholder") || image.has("srcset"), "nothing that expires or repeats");
        }
        List<Call> beforeAnswer = stepFunctions.calls(token).subList(0, stepFunctions.calls(token).indexOf(success));
        assertTrue(beforeAnswer.stream().anyMatch(c -> c.operation().equals("SendTaskHeartbeat")
                && c.answeredWith() == null), "heartbeats while it rendered: " + beforeAnswer);

        JsonPath job = ApiClient.job(ApiClient.token("tasha"), jobId);
        assertEquals("COMPLETED", job.getString("status"), "the job is its owner's, like any other");

        // Once answered, the task is closed: the heartbeat timer (1 s in tests) forgets it at its next beat.
        Thread.sleep(3000);
        int settled = stepFunctions.calls(token).size();
        Thread.sleep(2500);
        assertEquals(settled, stepFunctions.calls(token).size(), "no calls for a closed task");
        assertEquals(1, stepFunctions.calls(token).stream().filter(c -> !c.operation().equals("SendTaskHeartbeat"))
                .count(), "answered once");
    }

    @Test
    void aJobWithAnImageThatFailsGetsSendTaskFailureWithThatImagesCode() throws Exception {
        String good = upload("tomas", "orientation/Landscape_1.jpg");
        String bad = upload("tomas", "bad/text-renamed.jpg");
        String token = token();

        sendTask(Map.of("taskToken", token, "images", List.of(good, bad)));

        Call failure = stepFunctions.awaitAnswer(token, SOON);
        assertEquals("SendTaskFailure", failure.operation());
        assertEquals("not-an-image", failure.error());
        JsonNode cause = JSON.readTree(failure.cause());
        assertEquals(2, cause.path("imageCount").asInt());
        assertEquals(1, cause.path("failedCount").asInt());
        assertEquals(bad, cause.path("image").asText());
        assertTrue(cause.path("message").asText().contains("not an image"), cause.toString());
        JsonPath job = ApiClient.job(ApiClient.token("tomas"), cause.path("jobId").asText());
        assertEquals("FAILED", job.getString("status"));
        assertEquals("COMPLETED", job.getString("images[0].status"), "the good image keeps its variants");
    }

    @Test
    void aTaskMessageThatAsksForSomethingWrongGetsSendTaskFailureAtOnce() throws Exception {
        String mine = upload("ursula", "jpeg/greyscale.jpg");
        String theirs = upload("victor", "jpeg/greyscale.jpg");
        String bucket = "s3://" + LocalAwsTestResource.BUCKET + "/";
        Map<String, Map<String, Object>> refused = Map.of(
                "invalid-request", Map.of("images", List.of()),
                "forbidden-source", Map.of("images", List.of(mine, theirs)),
                "source-not-found", Map.of("images", List.of(mine, bucket + "uploads/ursula/nope/missing.jpg")),
                "unknown preset", Map.of("images", List.of(mine), "preset", "no-such-preset"),
                "not an upload", Map.of("images", List.of(bucket + "processed/ursula/x/y/large.jpg")));
        Map<String, String> tokens = new HashMap<>();
        refused.forEach((why, message) -> {
            String token = token();
            tokens.put(why, token);
            Map<String, Object> body = new HashMap<>(message);
            body.put("taskToken", token);
            sendTask(body);
        });
        Map<String, String> expected = Map.of("invalid-request", "invalid-request", "forbidden-source",
                "forbidden-source", "source-not-found", "source-not-found", "unknown preset", "invalid-request",
                "not an upload", "forbidden-source");
        for (var entry : expected.entrySet()) {
            Call failure = stepFunctions.awaitAnswer(tokens.get(entry.getKey()), Duration.ofSeconds(20));
            assertEquals("SendTaskFailure", failure.operation(), entry.getKey());
            assertEquals(entry.getValue(), failure.error(), entry.getKey());
            assertNotNull(JSON.readTree(failure.cause()).path("message").textValue(), failure.cause());
        }
        Queues.awaitDrained(sqs, queueUrl());
    }

    @Test
    void aTaskStepFunctionsNoLongerKnowsIsDroppedNotRetried() throws Exception {
        String image = upload("wanda", "orientation/Landscape_1.jpg");
        String timedOut = token();
        String invalid = token();
        stepFunctions.refuse(timedOut, "TaskTimedOut");
        stepFunctions.refuse(invalid, "InvalidToken");

        sendTask(Map.of("taskToken", timedOut, "images", List.of(image)));
        sendTask(Map.of("taskToken", invalid, "images", List.of()));

        stepFunctions.await(timedOut, c -> c.operation().equals("SendTaskSuccess"), SOON);
        stepFunctions.await(invalid, c -> c.operation().equals("SendTaskFailure"), SOON);
        Queues.awaitDrained(sqs, queueUrl());
        Thread.sleep(3000);
        assertEquals(1, count(timedOut, "SendTaskSuccess"), "TaskTimedOut: logged and dropped, not retried");
        assertEquals(1, count(invalid, "SendTaskFailure"), "InvalidToken: logged and dropped, not retried");
        assertTrue(count(timedOut, "SendTaskHeartbeat") <= 2, "a closed task is not beaten for");
    }

    @Test
    void aTaskMessageDeliveredAgainStartsNoSecondJob() throws Exception {
        // an owner of its own: the local servers outlive test classes, and the listing below counts jobs
        String owner = "once-" + UUID.randomUUID().toString().substring(0, 8);
        String image = upload(owner, "orientation/Landscape_1.jpg");
        String token = token();
        Map<String, Object> task = Map.of("taskToken", token, "images", List.of(image));

        // the same task message twice, as SQS may deliver it, a dead letter's replay resends it, or a sender
        // sends it again
        sendTask(task);
        Call success = stepFunctions.awaitAnswer(token, SOON);
        sendTask(task);
        Queues.awaitDrained(sqs, queueUrl());
        Thread.sleep(2000);

        assertEquals("SendTaskSuccess", success.operation());
        String jobId = JSON.readTree(success.output()).path("jobId").asText();
        assertEquals(1, count(token, "SendTaskSuccess"), "answered once");
        List<String> jobs = given().auth().oauth2(ApiClient.token(owner)).get("/v1/jobs").then().statusCode(200)
                .extract().jsonPath().getList("items.jobId");
        assertEquals(List.of(jobId), jobs, "one job for the task");
        assertEquals(1, ImageItems.attempts(dynamo, jobId), "the image was claimed once");
        assertEquals(2, ImageItems.revision(dynamo, jobId), "claimed and completed, never written over");
    }

    @Test
    void aDeliveryWritingBesideAnotherResetsNoImageTheOtherAlreadyWrote() throws Exception {
        String owner = "beside-" + UUID.randomUUID().toString().substring(0, 8);
        String image = upload(owner, "orientation/Landscape_1.jpg");
        String token = token();
        Job prepared = batches.prepare(owner, JSON.writeValueAsString(Map.of("images", List.of(image))));
        Job job = prepared.withJobId(jobStore.jobIdForTask(token, prepared.jobId()));
        assertTrue(jobStore.createForTask(job, token));
        // the first delivery's worker has claimed the image; the second delivery looked before the first
        // one's header existed, so it writes the job too
        dynamo.updateItem(u -> u.tableName(LocalAwsTestResource.TABLE).key(JobItems.imageKey(new ImageRef(job.jobId(), 0)))
                .updateExpression("SET #revision = :claimed").expressionAttributeNames(Map.of("#revision", JobItems.REVISION))
                .expressionAttributeValues(Map.of(":claimed", AttributeValue.fromN("1"))));
        dynamo.deleteItem(d -> d.tableName(LocalAwsTestResource.TABLE).key(JobItems.headerKey(job.jobId())));

        assertTrue(jobStore.createForTask(job, token), "the header was missing, so it is written");

        assertEquals(1, ImageItems.revision(dynamo, job.jobId()), "the claimed image is left as it was");
        assertFalse(jobStore.createForTask(job, token), "with the header there, nothing is written");
        assertEquals(job.jobId(), jobStore.jobIdForTask(token, "01JD0000000000000000000000"),
                "the token keeps the job id it was first given");
    }

    @Test
    void aStepFunctionsOutageIsRetriedUntilTheAnswerGetsThrough() throws Exception {
        String image = upload("xena", "orientation/Landscape_1.jpg");
        String token = token();
        stepFunctions.failNext(token, 5);

        sendTask(Map.of("taskToken", token, "images", List.of(image)));

        Call success = stepFunctions.awaitAnswer(token, SOON);
        assertEquals("SendTaskSuccess", success.operation());
        assertEquals(5, stepFunctions.calls(token).stream().filter(c -> "ServiceUnavailable".equals(c.answeredWith()))
                .count());
    }

    @Test
    void aTaskMessageWithoutATokenCannotBeAnsweredAndIsDeadLettered() {
        String dlq = sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.DLQ)).queueUrl();
        String marker = "no-token-" + UUID.randomUUID();
        sendTask(Map.of("images", List.of(), "metadata", Map.of("marker", marker)));

        long deadline = System.nanoTime() + SOON.toNanos();
        while (System.nanoTime() < deadline) {
            for (Message message : sqs.receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages()) {
                if (message.body().contains(marker)) {
                    assertTrue(message.messageAttributes().get("failureReason").stringValue().contains("taskToken"));
                    sqs.deleteMessage(d -> d.queueUrl(dlq).receiptHandle(message.receiptHandle()));
                    return;
                }
            }
        }
        throw new AssertionError("The message without a token never reached the dead-letter queue");
    }

    private long count(String token, String operation) {
        return stepFunctions.calls(token).stream().filter(c -> c.operation().equals(operation)).count();
    }

    private static String token() {
        // Step Functions' tokens are long opaque base64 text
        return "AQCEAAAAKgAAAAMAAAAA" + UUID.randomUUID().toString().replace("-", "") + "+/=";
    }

    /** Puts a corpus file under the owner's uploads/ (as an earlier upload would have) and returns its s3:// URI. */
    private String upload(String owner, String corpusFile) {
        String key = "uploads/" + owner + "/" + UUID.randomUUID() + "/" + corpusFile.substring(corpusFile.lastIndexOf('/') + 1);
        s3.putObject(p -> p.bucket(LocalAwsTestResource.BUCKET).key(key).contentType("image/jpeg"),
                RequestBody.fromBytes(Corpus.read(corpusFile)));
        return "s3://" + LocalAwsTestResource.BUCKET + "/" + key;
    }

    /** The message a state machine's SqsSendMessage task with WAIT_FOR_TASK_TOKEN sends (see infra/). */
    private void sendTask(Map<String, Object> body) {
        try {
            String json = JSON.writeValueAsString(body);
            sqs.sendMessage(m -> m.queueUrl(queueUrl()).messageBody(json).messageAttributes(Map.of("messageType",
                    MessageAttributeValue.builder().dataType("String").stringValue("task").build())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String queueUrl() {
        return sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.QUEUE)).queueUrl();
    }
}
