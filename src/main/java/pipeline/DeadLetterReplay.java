package pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Moves dead-lettered messages back to the ingest queue (once their cause is fixed), with their body and
 * every message attribute, less the last failure's and marked {@value #REPLAYED_AT}: a replayed message may
 * take up again an image that ended FAILED {@code internal}. Each is sent before it is deleted, so a crash
 * in between duplicates a message, never loses one; the pipeline ignores the duplicate.
 */
@ApplicationScoped
@Named("deadLetterReplay")
public class DeadLetterReplay {

    /** The message attribute (a Camel header on arrival) that marks a replay: when it was replayed. */
    public static final String REPLAYED_AT = "replayedAt";
    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    private final SqsClient sqs;
    private final String ingestQueue;
    private final String deadLetterQueue;
    private final int maxMessages;

    public DeadLetterReplay(SqsClient sqs, @ConfigProperty(name = "app.sqs.ingest-queue") String ingestQueue,
            @ConfigProperty(name = "app.sqs.ingest-dlq") String deadLetterQueue,
            @ConfigProperty(name = "app.sqs.replay-max-messages", defaultValue = "1000") int maxMessages) {
        this.sqs = sqs;
        this.ingestQueue = ingestQueue;
        this.deadLetterQueue = deadLetterQueue;
        this.maxMessages = maxMessages;
    }

    /** Replays up to the configured number of messages; returns {"replayed": n}. */
    public Map<String, Integer> replay() {
        String from = sqs.getQueueUrl(q -> q.queueName(deadLetterQueue)).queueUrl();
        String to = sqs.getQueueUrl(q -> q.queueName(ingestQueue)).queueUrl();
        int replayed = 0;
        while (replayed < maxMessages) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(from).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(60).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                break;
            }
            for (Message message : batch) {
                sqs.sendMessage(s -> s.queueUrl(to).messageBody(message.body()).messageAttributes(replayed(message)));
                sqs.deleteMessage(d -> d.queueUrl(from).receiptHandle(message.receiptHandle()));
                replayed++;
            }
        }
        LOG.infof("Replayed %d dead-lettered messages from %s to %s", replayed, deadLetterQueue, ingestQueue);
        return Map.of("replayed", replayed);
    }

    private static Map<String, MessageAttributeValue> replayed(Message message) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>(message.messageAttributes());
        attributes.keySet().removeAll(List.of(DeadLetters.REASON, DeadLetters.ROUTE, DeadLetters.FAILED_AT));
        attributes.put(REPLAYED_AT, MessageAttributeValue.builder().dataType("String")
                .stringValue(Instant.now().toString()).build());
        return attributes;
    }
}
