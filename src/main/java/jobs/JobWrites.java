package jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import tracing.TraceParent;

/**
 * Writes a new job: the image items in batches, then the header. Until the header exists the job is
 * invisible (reads need it, and no upload URL or task message exists for it yet), so a writer that stops
 * half-way leaves no half job behind.
 */
final class JobWrites {

    /** DynamoDB's limit per BatchWriteItem. */
    private static final int BATCH = 25;
    private static final int MAX_ROUNDS = 8;

    private final DynamoDbClient dynamo;
    private final String table;

    JobWrites(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Writes a new job; its header remembers the Step Functions task token when there is one (else null). */
    void create(Job job, String taskToken) {
        String traceparent = TraceParent.current().orElse(null);
        List<WriteRequest> puts = new ArrayList<>();
        for (Map<String, AttributeValue> item : imageItems(job, taskToken, traceparent)) {
            puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        for (int from = 0; from < puts.size(); from += BATCH) {
            writeAll(puts.subList(from, Math.min(puts.size(), from + BATCH)));
        }
        putHeader(job, taskToken, traceparent);
    }

    /**
     * Writes the job item by item, each on the condition that it does not exist yet, then the header on
     * the same condition: for a job that another writer may be writing or have written (a Step Functions
     * task's, whose message can come twice), no image that writer's workers already claimed is reset.
     *
     * @throws ConditionalCheckFailedException when the header exists
     */
    void createOnce(Job job, String taskToken) {
        String traceparent = TraceParent.current().orElse(null);
        for (Map<String, AttributeValue> item : imageItems(job, taskToken, traceparent)) {
            try {
                dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", JobItems.PK)));
            } catch (ConditionalCheckFailedException e) {
                // written by the other writer, and perhaps claimed since: left as it is
            }
        }
        putHeader(job, taskToken, traceparent);
    }

    private static List<Map<String, AttributeValue>> imageItems(Job job, String taskToken, String traceparent) {
        AttributeValue facts = JobItems.imageCopy(JobItems.jobFacts(job, taskToken, traceparent));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < job.images().size(); i++) {
            items.add(JobItems.image(new ImageRef(job.jobId(), i), job.images().get(i), facts));
        }
        return items;
    }

    private void putHeader(Job job, String taskToken, String traceparent) {
        dynamo.putItem(p -> p.tableName(table).item(JobItems.header(job, taskToken, traceparent))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", JobItems.PK)));
    }

    /** One batch, with what DynamoDB left unprocessed (under throttling) sent again after a pause. */
    private void writeAll(List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == MAX_ROUNDS) {
                throw new IllegalStateException(pending.size() + " job items stayed unprocessed after "
                        + MAX_ROUNDS + " rounds of BatchWriteItem");
            }
            if (round > 0) {
                pause(50L << round);
            }
            List<WriteRequest> sending = pending;
            pending = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, sending)))
                    .unprocessedItems().getOrDefault(table, List.of());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing a job", e);
        }
    }
}
