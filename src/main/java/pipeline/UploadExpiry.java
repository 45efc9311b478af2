package pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import jobs.ImageError;
import jobs.Job;
import jobs.JobStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import support.Json;

/**
 * No job waits for ever for an upload that never comes: each presign also puts a delayed check on the
 * ingest queue, due when the URL has expired plus a grace period. When it comes due, images still
 * PENDING end FAILED {@code upload-expired}. SQS delays at most 15 minutes, so a check that comes back
 * early is sent on again.
 */
@ApplicationScoped
@Named("uploadExpiry")
public class UploadExpiry {

    /** The message attribute (a Camel header on arrival) that marks a check. */
    public static final String TYPE = "messageType";
    public static final String CHECK = "upload-expiry";
    private static final long MAX_DELAY_SECONDS = 900;

    private final SqsClient sqs;
    private final JobStore jobs;
    private final String queue;
    private final Duration wait;

    public UploadExpiry(SqsClient sqs, JobStore jobs, @ConfigProperty(name = "app.sqs.ingest-queue") String queue,
            @ConfigProperty(name = "app.uploads.url-ttl") Duration urlTtl,
            @ConfigProperty(name = "app.uploads.expiry-grace") Duration grace) {
        this.sqs = sqs;
        this.jobs = jobs;
        this.queue = queue;
        this.wait = urlTtl.plus(grace);
    }

    /** Schedules the check for a job just created. */
    public void schedule(Job job) {
        send(job.jobId(), job.createdAt().plus(wait));
    }

    /** Handles a check from the queue: ends the job's waiting images, or sends the check on. */
    public void check(String body) throws IOException {
        JsonNode check = Json.MAPPER.readTree(body);
        String jobId = check.path("jobId").asText();
        Instant dueAt = Instant.parse(check.path("dueAt").asText());
        if (Instant.now().isBefore(dueAt)) {
            send(jobId, dueAt);
            return;
        }
        jobs.failWaiting(jobId, new ImageError("upload-expired",
                "No file arrived before the upload URL expired (plus " + wait.toMinutes() + " min of grace)"));
    }

    private void send(String jobId, Instant dueAt) {
        long delay = Math.max(0, Math.min(MAX_DELAY_SECONDS, Duration.between(Instant.now(), dueAt).toSeconds() + 1));
        String url = sqs.getQueueUrl(q -> q.queueName(queue)).queueUrl();
        sqs.sendMessage(m -> m.queueUrl(url).delaySeconds((int) delay)
                .messageBody(Json.write(Map.of("jobId", jobId, "dueAt", dueAt.toString())))
                .messageAttributes(Map.of(TYPE, MessageAttributeValue.builder().dataType("String")
                        .stringValue(CHECK).build())));
    }
}
