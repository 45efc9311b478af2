package testing;

import java.util.Map;
import jobs.ImageRef;
import jobs.JobItems;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An image's own item in the job table, read as stored, for what the API does not serve. */
public final class ImageItems {

    private ImageItems() {
    }

    public static Map<String, AttributeValue> read(DynamoDbClient dynamo, String jobId, int index) {
        return dynamo.getItem(g -> g.tableName(LocalAwsTestResource.TABLE)
                .key(JobItems.imageKey(new ImageRef(jobId, index))).consistentRead(true)).item();
    }

    /** How often the image was worked on: claims and retries. */
    public static long attempts(DynamoDbClient dynamo, String jobId) {
        return Long.parseLong(read(dynamo, jobId, 0).get(JobItems.ATTEMPTS).n());
    }

    /** The image's change marker, bumped by each transition. */
    public static long revision(DynamoDbClient dynamo, String jobId) {
        return Long.parseLong(read(dynamo, jobId, 0).get(JobItems.REVISION).n());
    }
}
