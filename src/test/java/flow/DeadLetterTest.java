package flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import testing.ApiClient;
import testing.LocalAwsTestResource;

/** Messages that are not work: garbage goes to the DLQ with its reason, S3's test event is dropped. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class DeadLetterTest {

    @Inject
    SqsClient sqs;

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

        JsonPath next = ApiClient.upload(ApiClient.token("dora"), "orientation/Portrait_1.jpg", "image/jpeg");
        assertEquals("COMPLETED", next.getString("status"));
        assertTrue(sqs.receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(1)).messages().isEmpty(),
                "only the garbled message is dead-lettered; the test event is dropped");
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
