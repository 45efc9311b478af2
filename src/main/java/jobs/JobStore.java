package jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The one door to the job table (layout in {@link JobItems}): routes and API beans read and change jobs
 * only through it. Each image moves on its own item ({@link ImageTransitions}); the job's status follows
 * from counters on its header ({@link JobProgress}), so workers on different images of one job never
 * contend, and no write grows with the job. A claim is a lease with a fencing token: its holder renews it
 * while it works, and its writes hold only while the image still carries its token. The write that counts
 * a job's last image announces its end ({@link JobEnded}, a CDI event).
 */
@ApplicationScoped
@Named("jobStore")
public class JobStore {

    private static final Logger LOG = Logger.getLogger(JobStore.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration lease;
    private final Clock clock;
    private final ImageTransitions images;
    private final JobProgress progress;
    private final JobWrites writes;
    private final OwnerIndex owners;
    private final Event<JobEnded> ended;
    private final RateWindows rates;
    private final TaskJobs tasks;

    @Inject
    public JobStore(DynamoDbClient dynamo, @ConfigProperty(name = "app.ddb.jobs-table") String table,
            @ConfigProperty(name = "app.pipeline.lease") Duration lease, Event<JobEnded> ended) {
        this(dynamo, table, lease, ended, Clock.tickMillis(ZoneOffset.UTC));
    }

    /** With a clock of its own: leases are taken, checked and renewed at its time. */
    JobStore(DynamoDbClient dynamo, String table, Duration lease, Event<JobEnded> ended, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.lease = lease;
        this.ended = ended;
        this.clock = clock;
        this.images = new ImageTransitions(table);
        this.progress = new JobProgress(table);
        this.writes = new JobWrites(dynamo, table);
        this.owners = new OwnerIndex(dynamo, table);
        this.rates = new RateWindows(table);
        this.tasks = new TaskJobs(table);
    }

    /** Stores a new job: its images first, then its header, which makes it visible. */
    public void create(Job job) {
        writes.create(job, null);
    }

    /**
     * The id of the job that answers this Step Functions task: the one an earlier delivery of its message
     * recorded, or else {@code proposed}, recorded now (see {@link TaskJobs}).
     */
    public String jobIdForTask(String taskToken, String proposed) {
        try {
            dynamo.putItem(tasks.record(taskToken, proposed, clock.instant()));
            return proposed;
        } catch (ConditionalCheckFailedException e) {
            return read(TaskJobs.key(taskToken)).get(TaskJobs.JOB_ID).s();
        }
    }

    /**
     * Stores the job that answers a Step Functions task (under {@link #jobIdForTask}'s id), once: its header
     * remembers the task token. A delivery that finds the job, or writes beside another delivery of the same
     * message, writes no item that exists already, so images already claimed or ended are never reset.
     *
     * @return true when the job's header was written now; false when it existed
     * @throws IllegalStateException when a job of that id exists for another task
     */
    public boolean createForTask(Job job, String taskToken) {
        if (existingTask(job.jobId(), taskToken)) {
            return false;
        }
        try {
            writes.createOnce(job, taskToken);
            return true;
        } catch (ConditionalCheckFailedException e) {
            // another delivery of the same message wrote the header first
            return existingTask(job.jobId(), taskToken);
        }
    }

    private boolean existingTask(String jobId, String taskToken) {
        Map<String, AttributeValue> header = header(jobId);
        if (header.isEmpty()) {
            return false;
        }
        if (!taskToken.equals(JobItems.taskToken(header))) {
            throw new IllegalStateException("Job " + jobId + " exists for another task");
        }
        return true;
    }

    /** The job with all its images, read with one (paged) Query of its partition; empty when unknown. */
    public Optional<Job> find(String jobId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(partition(jobId, start));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items.stream().anyMatch(item -> JobItems.HEADER.equals(item.get(JobItems.SK).s()))
                ? Optional.of(JobItems.job(items)) : Optional.empty();
    }

    /** One page of an owner's jobs, newest first, resuming after {@code after} when given. */
    public JobListing list(String owner, int limit, Optional<PageKey> after) {
        return owners.page(owner, limit, after);
    }

    /**
     * Counts one request of an owner's action against a limit per fixed window of the given length
     * (windows aligned to the epoch, so every service instance sharing the table counts in the same
     * window), in one conditional write. Refused when the window has counted {@code limit} requests
     * already; a refused request is not counted. See {@link RateWindows} for the items.
     *
     * @param action a short name for what is limited, e.g. {@code uploads}
     * @param limit requests admitted per window, at least 1
     * @param window the window's length, at least one millisecond
     */
    public RateDecision admit(String owner, String action, long limit, Duration window) {
        Instant now = clock.instant();
        Instant start = RateWindows.start(now, window);
        Duration untilReset = Duration.between(now, start.plus(window));
        try {
            dynamo.updateItem(rates.count(owner, action, start, window, limit));
            return new RateDecision(true, untilReset);
        } catch (ConditionalCheckFailedException full) {
            return new RateDecision(false, untilReset);
        }
    }

    /**
     * Takes the image for this worker, if it waits for work (or its last worker's lease lapsed) and is
     * made from this object; a replayed dead letter may also take up an image that ended FAILED
     * {@code internal}. Empty means there is nothing to do: an unknown image, a duplicate event, an image
     * under another worker's lease or one that has ended.
     */
    public Optional<ImageClaim> claim(ImageRef ref, String bucket, String key, boolean replay) {
        Instant now = clock.instant();
        ImageTransitions.Lease hold = new ImageTransitions.Lease(now, now.plus(lease), UUID.randomUUID().toString());
        Map<String, AttributeValue> before;
        try {
            before = dynamo.updateItem(images.claim(ref, bucket, key, hold, replay)).attributes();
        } catch (ConditionalCheckFailedException notClaimable) {
            countIfEnded(ref);
            return Optional.empty();
        }
        Status was = Status.valueOf(before.get(JobItems.STATUS).s());
        if (was.ended()) {
            ignoringRefusal(() -> dynamo.updateItem(progress.reopened(ref, was, now)));
        }
        Map<String, AttributeValue> job = JobItems.copiedFacts(before).orElseGet(() -> header(ref.jobId()));
        if (job.isEmpty()) {
            LOG.warnf("Image %s has no job header; leaving it", ref);
            return Optional.empty();
        }
        if (!was.ended()) {
            // the job's first claim moves it to PROCESSING, the other images' same writes are refused; a
            // takeover tries again, in case the crashed worker stopped between its claim and this write
            ignoringRefusal(() -> dynamo.updateItem(progress.started(ref.jobId(), now)));
        }
        return Optional.of(JobItems.claim(ref, before, job, hold.token(), hold.until()));
    }

    /** A job's header item, read consistently; empty when there is none. */
    private Map<String, AttributeValue> header(String jobId) {
        return read(JobItems.headerKey(jobId));
    }

    /**
     * Whether the claim still holds its image. In the first half of the claim's lease nothing is asked:
     * only a lapsed lease is taken over, so no other worker can hold the image yet (this trusts workers'
     * clocks to differ by well under half the lease period). Later the lease is renewed, on the condition that the image
     * still carries the claim's token.
     */
    public boolean holds(ImageClaim claim) {
        return Duration.between(clock.instant(), claim.leaseUntil()).compareTo(lease.dividedBy(2)) > 0 || renew(claim);
    }

    /** Extends a held lease by the lease period; false when the claim no longer holds the image. */
    public boolean renew(ImageClaim claim) {
        try {
            dynamo.updateItem(images.renew(claim.ref(), claim.leaseToken(), clock.instant().plus(lease)));
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    /** Counts a retry of a step that failed on a held image; not counted when the hold is lost. */
    public void retried(ImageClaim claim) {
        ignoringRefusal(() -> dynamo.updateItem(images.retried(claim.ref(), claim.leaseToken())));
    }

    /**
     * Records a held image's rendering: COMPLETED with its facts, variants and what analysis found.
     *
     * @throws LeaseLostException      when the claim no longer holds the image: nothing was written
     * @throws RecordTooLargeException when the record would pass DynamoDB's item size limit
     */
    public void complete(ImageClaim claim, ImageFacts facts, List<VariantRecord> variants, String placeholder,
            Analysis analysis) {
        if (!endHeld(claim, Status.COMPLETED, () -> dynamo.updateItem(images.complete(claim.ref(), claim.leaseToken(),
                facts, variants, placeholder, analysis)))) {
            throw new LeaseLostException(claim.ref());
        }
    }

    /** Ends a held image FAILED with its reason; false (nothing written) when the claim no longer holds it. */
    public boolean fail(ImageClaim claim, ImageError error) {
        return fail(claim, error, FailureFacts.NONE);
    }

    /**
     * Ends a held image FAILED with its reason and what is known of it; false (nothing written) when the
     * claim no longer holds it.
     */
    public boolean fail(ImageClaim claim, ImageError error, FailureFacts facts) {
        return endHeld(claim, Status.FAILED, () -> dynamo.updateItem(images.failHeld(claim.ref(), claim.leaseToken(),
                error, facts)));
    }

    /**
     * Ends an image no worker holds FAILED with its reason; an image that ended or is held stays as it is.
     * True when this call ended it.
     */
    public boolean fail(ImageRef ref, ImageError error) {
        return end(ref, Status.FAILED, () -> dynamo.updateItem(images.failUnheld(ref, error, clock.instant())));
    }

    /**
     * Ends an image still waiting for its source FAILED with its reason; any other image stays as it is.
     * True when this call ended it.
     */
    public boolean failPending(ImageRef ref, ImageError error) {
        return end(ref, Status.FAILED, () -> dynamo.updateItem(images.failPending(ref, error)));
    }

    /**
     * Writes a held image's end, then counts it on the header. A refused write is this claim's own end when
     * the image ended under its token (a retry after the count failed): then it is counted; otherwise the
     * claim lost the image and nothing is written.
     */
    private boolean endHeld(ImageClaim claim, Status outcome, Supplier<?> write) {
        try {
            write.get();
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> image = image(claim.ref());
            Status status = image.isEmpty() ? Status.PENDING : Status.valueOf(image.get(JobItems.STATUS).s());
            if (!status.ended() || !image.containsKey(JobItems.LEASE_TOKEN)
                    || !claim.leaseToken().equals(image.get(JobItems.LEASE_TOKEN).s())) {
                LOG.warnf("Image %s is no longer held by this worker; writing nothing", claim.ref());
                return false;
            }
            count(claim.ref(), status, claim.images());
            return true;
        } catch (DynamoDbException e) {
            if (tooLarge(e)) {
                throw new RecordTooLargeException(claim.ref(), e);
            }
            throw e;
        }
        count(claim.ref(), outcome, claim.images());
        return true;
    }

    /**
     * Writes an unheld image's end, then counts it on the header. When the image's write is refused, an end
     * that this image already had is counted (a worker that stopped between the two writes left it uncounted).
     */
    private boolean end(ImageRef ref, Status outcome, Runnable write) {
        try {
            write.run();
        } catch (ConditionalCheckFailedException refused) {
            LOG.infof("Image %s was not in a state to end %s; leaving it", ref, outcome);
            countIfEnded(ref);
            return false;
        }
        count(ref, outcome, 0);
        return true;
    }

    private void countIfEnded(ImageRef ref) {
        Map<String, AttributeValue> image = image(ref);
        if (!image.isEmpty()) {
            Status status = Status.valueOf(image.get(JobItems.STATUS).s());
            if (status.ended()) {
                count(ref, status, JobItems.imageCount(image));
            }
        }
    }

    /** Counts an image's end on its header; {@code images}: the job's image count, 0 when not known here. */
    private void count(ImageRef ref, Status outcome, int images) {
        Map<String, AttributeValue> header;
        try {
            header = dynamo.updateItem(progress.ended(ref, outcome, images == 1, clock.instant())).attributes();
        } catch (ConditionalCheckFailedException countedAlready) {
            return;
        }
        JobProgress.Counters counters = JobProgress.Counters.of(header);
        if (!counters.status().name().equals(header.get(JobItems.STATUS).s())) {
            // refused when another image ended since: that write derives the status from newer counters
            ignoringRefusal(() -> dynamo.updateItem(progress.status(ref.jobId(), counters)));
        }
        if (counters.status().ended()) {
            // only this write saw the last image's end: every end adds one to the counters, once
            ended.fire(new JobEnded(ref.jobId(), counters.status(), JobItems.taskToken(header)));
        }
    }

    private Map<String, AttributeValue> image(ImageRef ref) {
        return read(JobItems.imageKey(ref));
    }

    /** The item under this key, read consistently; empty when there is none. */
    private Map<String, AttributeValue> read(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    /** DynamoDB's answer to an item over 400 KB: a ValidationException naming the item size. */
    private static boolean tooLarge(DynamoDbException e) {
        return e.awsErrorDetails() != null && "ValidationException".equals(e.awsErrorDetails().errorCode())
                && e.getMessage() != null && e.getMessage().contains("exceeded the maximum allowed size");
    }

    private QueryRequest partition(String jobId, Map<String, AttributeValue> start) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", JobItems.PK))
                .expressionAttributeValues(Map.of(":pk", JobItems.s(jobId)));
        return (start == null ? query : query.exclusiveStartKey(start)).build();
    }

    private static void ignoringRefusal(Runnable write) {
        try {
            write.run();
        } catch (ConditionalCheckFailedException refused) {
            LOG.debug("Conditional write refused: a later write already holds", refused);
        }
    }
}
