package pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Moves dead-lettered messages back to the ingest queue (once their cause is fixed). Each is sent
 * before it is deleted, so a crash in between duplicates a message, never loses one; the pipeline
 * ignores the duplicate.
 */
@ApplicationScoped
@Named("deadLetterReplay")
public class DeadLetterReplay {

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
                    .visibilityTimeout(60)).messages();
            if (batch.isEmpty()) {
                break;
            }
            for (Message message : batch) {
                sqs.sendMessage(s -> s.queueUrl(to).messageBody(message.body()));
                sqs.deleteMessage(d -> d.queueUrl(from).receiptHandle(message.receiptHandle()));
                replayed++;
            }
        }
        LOG.infof("Replayed %d dead-lettered messages from %s to %s", replayed, deadLetterQueue, ingestQueue);
        return Map.of("replayed", replayed);
    }
}
