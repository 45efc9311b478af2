package testing;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Waiting on an SQS queue in tests. */
public final class Queues {

    private Queues() {
    }

    /** How many messages the queue holds, visible or in flight (delayed ones not counted). */
    public static int count(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
                .mapToInt(Integer::parseInt).sum();
    }

    /** Waits until the queue holds no message, visible or in flight: everything was consumed and deleted. */
    public static void awaitDrained(SqsClient sqs, String queueUrl) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Map<QueueAttributeName, String> attributes = Map.of();
        while (System.nanoTime() < deadline) {
            attributes = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            if (attributes.values().stream().allMatch("0"::equals)) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(queueUrl + " did not drain: " + attributes);
    }
}
