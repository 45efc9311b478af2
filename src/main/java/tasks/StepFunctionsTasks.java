package tasks;

import api.ApiException;
import aws.InvalidEventException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import jobs.Job;
import jobs.JobStore;
import jobs.Status;
import jobs.StorageLayout;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import support.Json;

/**
 * The verbs of the Step Functions task routes ({@code routes/tasks.yaml}). A state machine's task
 * ({@code arn:aws:states:::sqs:sendMessage.waitForTaskToken}) puts a task message on the ingest queue with
 * the message attribute {@code messageType=task}:
 *
 * <pre>{"taskToken": "...", "images": ["s3://&lt;bucket&gt;/uploads/&lt;owner&gt;/...", ...],
 *  "preset": "default", "metadata": {...}}</pre>
 *
 * <p>{@code images}, {@code preset} and {@code metadata} mean what they mean in {@code POST /v1/jobs} and are
 * checked the same way. The job belongs to the owner in the first image's key, and every image must be
 * under that owner's {@code uploads/<owner>/}: whoever may send to the queue is trusted like an operator
 * (its IAM policy is the gate), but a task never mixes several users' images into one job, so the job shows
 * in its owner's {@code GET /v1/jobs} and its variants stay in that owner's folder. When the job ends,
 * {@code SendTaskSuccess} carries {@link TaskOutput}, {@code SendTaskFailure} a {@link TaskFailure}.
 */
@ApplicationScoped
@Named("stepFunctionsTasks")
public class StepFunctionsTasks {

    /** The {@code messageType} of a task message, and of the service's own note that a task's job ended. */
    public static final String TASK = "task";
    public static final String TASK_ENDED = "task-ended";
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9._-]{1,341}");
    private static final Logger LOG = Logger.getLogger(StepFunctionsTasks.class);

    private final StepFunctions stepFunctions;
    private final JobStore jobs;
    private final String bucket;

    public StepFunctionsTasks(StepFunctions stepFunctions, JobStore jobs,
            @ConfigProperty(name = "app.s3.bucket") String bucket) {
        this.stepFunctions = stepFunctions;
        this.jobs = jobs;
        this.bucket = bucket;
    }

    /**
     * The task token of a task message.
     *
     * @throws InvalidEventException when the message has none (not JSON, no {@code taskToken}, or one that
     *         cannot be a token): it cannot be answered, so it goes to the dead-letter queue
     */
    public String token(@Body String body) {
        JsonNode token = read(body).path("taskToken");
        if (!token.isTextual() || token.asText().isEmpty() || token.asText().length() > StepFunctions.MAX_TOKEN) {
            throw new InvalidEventException("A task message needs a taskToken of 1 to " + StepFunctions.MAX_TOKEN
                    + " characters; this one cannot be answered");
        }
        return token.asText();
    }

    /**
     * The owner of the task's job: the one in its first image's key.
     *
     * @throws ApiException {@code invalid-request} without images, {@code forbidden-source} when the first
     *         image is not an upload in the service's bucket
     */
    public String owner(@Body String body) {
        JsonNode images = read(body).path("images");
        if (!images.isArray() || images.isEmpty()) {
            throw ApiException.invalid("images must be an array of 1 to 50 s3:// URIs");
        }
        String first = images.get(0).asText("");
        String prefix = "s3://" + bucket + "/" + StorageLayout.UPLOADS;
        int end = first.indexOf('/', prefix.length());
        Optional<String> owner = first.startsWith(prefix) && end > prefix.length()
                ? Optional.of(first.substring(prefix.length(), end)).filter(o -> OWNER.matcher(o).matches())
                : Optional.empty();
        return owner.orElseThrow(() -> new ApiException(403, "forbidden-source", ("images[0] (%s) is not an upload: "
                + "a task's images must all be under one owner's %s<owner>/").formatted(first, prefix)));
    }

    /**
     * The task's job under the id its token already has, if an earlier delivery of the task message chose
     * one: a task message delivered again (SQS delivers at least once; a dead letter replayed; a sender
     * sending again) names the job it started rather than a new one.
     */
    public Job identify(@Variable("job") Job job, @Variable("taskToken") String token) {
        return job.withJobId(jobs.jobIdForTask(token, job.jobId()));
    }

    /** Stores the task's job, which remembers the token, unless an earlier delivery of the message did. */
    public void create(@Variable("job") Job job, @Variable("taskToken") String token) {
        if (jobs.createForTask(job, token)) {
            LOG.infof("Job %s of %s: %d images for a Step Functions task", job.jobId(), job.owner(),
                    job.images().size());
        } else {
            LOG.infof("Job %s: its task message came again; the job stands, its images are queued again "
                    + "(a duplicate event for a claimed or ended image is ignored)", job.jobId());
        }
    }

    /** Answers a task message that was refused (the exception the route caught) with {@code SendTaskFailure}. */
    public void refuse(@Variable("taskToken") String token,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) ApiException refused) {
        fail(token, TaskFailure.refused(refused.code(), refused.getMessage()));
    }

    /** Answers a task whose job could not be started, retries spent, with {@code SendTaskFailure} {@code internal}. */
    public void failInternal(@Variable("taskToken") String token,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure) {
        fail(token, TaskFailure.refused("internal", "The job could not be started: " + failure));
    }

    /**
     * Answers the task of a job that ended (the service's own {@code task-ended} message, see
     * {@link TaskCallbacks}): {@code SendTaskSuccess} with {@link TaskOutput} when it COMPLETED,
     * {@code SendTaskFailure} with {@link TaskFailure} when it FAILED.
     */
    public void answer(@Body String body) {
        JsonNode ended = read(body);
        String jobId = ended.path("jobId").asText();
        String token = ended.path("taskToken").asText();
        Optional<Job> found = jobs.find(jobId);
        if (found.isEmpty() || !found.get().status().ended()) {
            // a replayed dead letter reopened it: its next end answers
            LOG.warnf("Job %s has not ended (%s); its task is answered when it does", jobId,
                    found.map(j -> j.status().name()).orElse("no such job"));
            return;
        }
        Job job = found.get();
        if (job.status() == Status.COMPLETED) {
            answered("Job " + jobId, "SendTaskSuccess", stepFunctions.success(token,
                    TaskOutput.json(job, StepFunctions.MAX_OUTPUT)));
        } else {
            TaskFailure failure = TaskFailure.of(job);
            answered("Job " + jobId, "SendTaskFailure " + failure.error(), stepFunctions.failure(token,
                    failure.error(), failure.cause()));
        }
    }

    private void fail(String token, TaskFailure failure) {
        StepFunctions.Answer answer = stepFunctions.failure(token, failure.error(), failure.cause());
        answered("A task message without a job", "SendTaskFailure " + failure.error() + " " + failure.cause(),
                answer);
    }

    private static void answered(String subject, String call, StepFunctions.Answer answer) {
        if (answer == StepFunctions.Answer.TASK_CLOSED) {
            LOG.warnf("%s: Step Functions no longer knows its task (timed out or already answered); %s dropped",
                    subject, call);
        } else {
            LOG.infof("%s: %s", subject, call);
        }
    }

    private static JsonNode read(String body) {
        try {
            JsonNode root = body == null ? null : Json.MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new InvalidEventException("A task message must be a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new InvalidEventException("A task message must be JSON: " + e.getMessage(), e);
        }
    }
}
