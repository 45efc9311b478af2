package pipeline;

import aws.S3EventNotifications;
import aws.S3ObjectCreated;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jobs.ImageError;
import jobs.ImageRecord;
import jobs.ImageRef;
import jobs.Job;
import jobs.JobStore;
import jobs.Status;
import metrics.PipelineMeters;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import support.Json;

/**
 * No job waits for ever for an upload that never comes: each presign also puts a delayed check on the
 * ingest queue, due when the URL has expired plus a grace period. When it comes due, an image still
 * PENDING ends FAILED {@code upload-expired} only if S3 says its object is really absent. If the file is
 * there, its S3 event is late (a backlog on the queue) or was lost, so the check puts that event on the
 * queue itself: whichever copy comes first is rendered, the other finds the image taken. SQS delays at
 * most 15 minutes, so a check that comes back early is sent on again.
 */
@ApplicationScoped
@Named("uploadExpiry")
public class UploadExpiry {

    /** The message attribute (a Camel header on arrival) that marks a check. */
    public static final String TYPE = "messageType";
    public static final String CHECK = "upload-expiry";
    private static final long MAX_DELAY_SECONDS = 900;
    private static final Logger LOG = Logger.getLogger(UploadExpiry.class);
    private static final String EXPIRED = "upload-expired";

    private final SqsClient sqs;
    private final S3Client s3;
    private final JobStore jobs;
    private final S3EventNotifications events;
    private final String queue;
    private final Duration wait;
    private final Duration grace;
    private final PipelineMeters meters;
    /** The queue's URL, asked for once: a queue keeps its URL for life. */
    private volatile String queueUrl;

    public UploadExpiry(SqsClient sqs, S3Client s3, JobStore jobs, S3EventNotifications events, PipelineMeters meters,
            @ConfigProperty(name = "app.sqs.ingest-queue") String queue,
            @ConfigProperty(name = "app.uploads.url-ttl") Duration urlTtl,
            @ConfigProperty(name = "app.uploads.expiry-grace") Duration grace) {
        this.sqs = sqs;
        this.s3 = s3;
        this.jobs = jobs;
        this.events = events;
        this.queue = queue;
        this.wait = urlTtl.plus(grace);
        this.grace = grace;
        this.meters = meters;
    }

    /** Schedules the check for a job just created. */
    public void schedule(Job job) {
        send(Json.write(Map.of("jobId", job.jobId(), "dueAt", job.createdAt().plus(wait).toString())),
                job.createdAt().plus(wait), Map.of(TYPE, attribute(CHECK)));
    }

    /** Handles a check from the queue: settles the job's waiting images, or sends the check on. */
    public void check(String body) throws IOException {
        JsonNode check = Json.MAPPER.readTree(body);
        String jobId = check.path("jobId").asText();
        Instant dueAt = Instant.parse(check.path("dueAt").asText());
        if (Instant.now().isBefore(dueAt)) {
            send(body, dueAt, Map.of(TYPE, attribute(CHECK)));
            return;
        }
        Optional<Job> job = jobs.find(jobId);
        List<ImageRecord> images = job.map(Job::images).orElse(List.of());
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).status() == Status.PENDING) {
                settle(new ImageRef(jobId, i), images.get(i));
            }
        }
    }

    private void settle(ImageRef ref, ImageRecord image) {
        String bucket = image.source().bucket();
        String key = image.source().key();
        Optional<HeadObjectResponse> object = head(bucket, key);
        if (object.isEmpty()) {
            if (jobs.failPending(ref, new ImageError(EXPIRED,
                    "No file arrived before the upload URL expired (plus " + grace.toMinutes() + " min of grace)"))) {
                meters.failed(EXPIRED);
            }
            return;
        }
        LOG.infof("s3://%s/%s arrived but image %d of job %s still waits: announcing it", bucket, key, ref.index(),
                ref.jobId());
        String event = events.objectCreated(new S3ObjectCreated(bucket, key, object.get().contentLength(),
                object.get().eTag().replace("\"", ""), object.get().versionId(), null, ref.jobId(), ref.index()));
        send(event, Instant.now(), Map.of());
    }

    private Optional<HeadObjectResponse> head(String bucket, String key) {
        try {
            return Optional.of(s3.headObject(h -> h.bucket(bucket).key(key)));
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void send(String body, Instant dueAt, Map<String, MessageAttributeValue> attributes) {
        long delay = Math.max(0, Math.min(MAX_DELAY_SECONDS, Duration.between(Instant.now(), dueAt).toSeconds() + 1));
        String url = queueUrl();
        sqs.sendMessage(m -> m.queueUrl(url).delaySeconds((int) delay).messageBody(body).messageAttributes(attributes));
    }

    private String queueUrl() {
        String url = queueUrl;
        if (url == null) {
            url = sqs.getQueueUrl(q -> q.queueName(queue)).queueUrl();
            queueUrl = url;
        }
        return url;
    }

    private static MessageAttributeValue attribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
