package tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import jobs.JobEnded;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import pipeline.UploadExpiry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import support.Json;

/**
 * When a task's job ends, puts a {@code task-ended} message on the ingest queue, which the task route
 * answers ({@link StepFunctionsTasks#answer}). The answer goes through the queue, not straight from the
 * worker that counted the last image, so it is retried (and dead-lettered) like any other work, survives
 * a restart, and never holds up or fails that image.
 */
@ApplicationScoped
public class TaskCallbacks {

    private static final Logger LOG = Logger.getLogger(TaskCallbacks.class);

    private final SqsClient sqs;
    private final String queue;

    public TaskCallbacks(SqsClient sqs, @ConfigProperty(name = "app.sqs.ingest-queue") String queue) {
        this.sqs = sqs;
        this.queue = queue;
    }

    void onJobEnded(@Observes JobEnded ended) {
        if (ended.taskToken() == null) {
            return;
        }
        try {
            String url = sqs.getQueueUrl(q -> q.queueName(queue)).queueUrl();
            sqs.sendMessage(m -> m.queueUrl(url)
                    .messageBody(Json.write(Map.of("jobId", ended.jobId(), "taskToken", ended.taskToken())))
                    .messageAttributes(Map.of(UploadExpiry.TYPE, MessageAttributeValue.builder().dataType("String")
                            .stringValue(StepFunctionsTasks.TASK_ENDED).build())));
        } catch (RuntimeException e) {
            // The image's end is recorded and must stand; the state machine's HeartbeatSeconds ends the wait.
            LOG.errorf(e, "Job %s ended %s but its Step Functions task could not be told", ended.jobId(), ended.status());
        }
    }
}
