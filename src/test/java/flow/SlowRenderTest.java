package flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import jobs.ImageRef;
import jobs.JobItems;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import testing.ApiClient;
import testing.Corpus;
import testing.ImageItems;
import testing.LocalAwsTestResource;
import testing.Queues;
import testing.ScriptedEngine;
import testing.ScriptedWork;

/**
 * Exactly once under slow work: a render of 20 s against a visibility timeout and lease of 4 s, with two
 * consumers polling the queue.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@TestProfile(ScriptedWork.class)
class SlowRenderTest {

    private static final long VISIBILITY_MS = ScriptedWork.VISIBILITY_SECONDS * 1000L;

    @Inject
    SqsClient sqs;

    @Inject
    S3Client s3;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void aRenderSlowerThanTheVisibilityTimeoutCompletesOnceByOneWorker() throws InterruptedException {
        String token = ApiClient.token("sloane");
        String jobId = upload(token, ScriptedEngine.SLOW + "photo.jpg");
        awaitProcessing(token, jobId);

        Thread.sleep(3 * VISIBILITY_MS);
        Map<QueueAttributeName, String> queue = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        assertEquals("0", queue.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                "three visibility timeouts into the render, its message is still hidden from the other consumer");
        assertEquals("1", queue.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));

        JsonPath job = ApiClient.awaitEnded(token, jobId);
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals(1, ImageItems.attempts(dynamo, jobId), "claimed once, never retried");
        assertEquals(2, ImageItems.revision(dynamo, jobId), "one claim, one completion");
        List<String> keys = job.getList("images[0].variants.key");
        assertEquals(6, keys.size());
        List<HeadObjectResponse> written = heads(keys);

        Thread.sleep(3 * VISIBILITY_MS);
        List<HeadObjectResponse> later = heads(keys);
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(written.get(i).eTag(), later.get(i).eTag(), keys.get(i) + " written once");
            assertEquals(written.get(i).lastModified(), later.get(i).lastModified(), keys.get(i) + " written once");
        }
        assertEquals(2, ImageItems.revision(dynamo, jobId), "nothing recorded since");
        Queues.awaitDrained(sqs, queueUrl());
        assertEquals(0, Queues.count(sqs, dlqUrl()), "nothing dead-lettered");
    }

    @Test
    void aWorkerThatLostItsLeaseWritesNothingAndAcknowledges() throws InterruptedException {
        String token = ApiClient.token("fenna");
        String jobId = upload(token, ScriptedEngine.SLOW + "fenced.jpg");
        awaitProcessing(token, jobId);
        // Another worker takes the image over, as after a pause of this one longer than its lease.
        dynamo.updateItem(u -> u.tableName(LocalAwsTestResource.TABLE).key(JobItems.imageKey(new ImageRef(jobId, 0)))
                .updateExpression("SET leaseToken = :t, leaseUntil = :u")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("another-worker"),
                        ":u", AttributeValue.fromN(Long.toString(System.currentTimeMillis() + 3_600_000)))));
        long revision = ImageItems.revision(dynamo, jobId);

        Queues.awaitDrained(sqs, queueUrl());
        Map<String, AttributeValue> image = ImageItems.read(dynamo, jobId, 0);
        assertEquals("PROCESSING", image.get("status").s(), "left to the new holder");
        assertEquals("another-worker", image.get("leaseToken").s());
        assertEquals(revision, ImageItems.revision(dynamo, jobId), "the first worker recorded nothing");
        assertTrue(s3.listObjectsV2(l -> l.bucket(LocalAwsTestResource.BUCKET).prefix("processed/fenna/" + jobId + "/"))
                .contents().isEmpty(), "and wrote no variant");
        assertEquals("PROCESSING", ApiClient.job(token, jobId).getString("status"));
        assertEquals(0, Queues.count(sqs, dlqUrl()), "nothing dead-lettered");
    }

    private static String upload(String token, String fileName) {
        byte[] photo = Corpus.read("orientation/Landscape_6.jpg");
        JsonPath presigned = ApiClient.presign(token, fileName, "image/jpeg", photo.length);
        assertEquals(200, ApiClient.put(presigned.getString("upload.url"), "image/jpeg", photo));
        return presigned.getString("jobId");
    }

    private static void awaitProcessing(String token, String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!"PROCESSING".equals(ApiClient.job(token, jobId).getString("status"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Job " + jobId + " never started");
            }
            Thread.sleep(100);
        }
    }

    private List<HeadObjectResponse> heads(List<String> keys) {
        return keys.stream().map(key -> s3.headObject(h -> h.bucket(LocalAwsTestResource.BUCKET).key(key))).toList();
    }

    private String queueUrl() {
        return sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.QUEUE)).queueUrl();
    }

    private String dlqUrl() {
        return sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.DLQ)).queueUrl();
    }
}
