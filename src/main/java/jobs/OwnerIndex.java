package jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * An owner's jobs from the {@code owner-createdAt} index, newest first. DynamoDB ends a Query page at
 * the item limit or at 1 MB read, whichever comes first, so a page is filled by following
 * {@code LastEvaluatedKey}; one job more than asked for is read to know whether another page follows.
 */
final class OwnerIndex {

    private final DynamoDbClient dynamo;
    private final String table;

    OwnerIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    JobListing page(String owner, int limit, Optional<PageKey> after) {
        List<Map<String, AttributeValue>> headers = new ArrayList<>();
        Map<String, AttributeValue> start = after.map(key -> JobItems.indexKey(owner, key)).orElse(null);
        do {
            QueryResponse response = dynamo.query(query(owner, limit + 1 - headers.size(), start));
            headers.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && headers.size() <= limit);
        List<JobSummary> jobs = headers.stream().limit(limit).map(JobItems::summary).toList();
        PageKey next = headers.size() > limit
                ? new PageKey(jobs.get(limit - 1).jobId(), jobs.get(limit - 1).createdAt()) : null;
        return new JobListing(jobs, next);
    }

    private QueryRequest query(String owner, int wanted, Map<String, AttributeValue> start) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(JobItems.OWNER_INDEX)
                .keyConditionExpression("#owner = :owner").expressionAttributeNames(Map.of("#owner", JobItems.OWNER))
                .expressionAttributeValues(Map.of(":owner", JobItems.s(owner))).scanIndexForward(false).limit(wanted);
        return (start == null ? query : query.exclusiveStartKey(start)).build();
    }
}
