package jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The job table's state transitions. Every write is a conditional put on the item's {@code version}, so
 * concurrent workers (several images of one job, duplicate events) never overwrite each other: a writer
 * that lost the race re-reads and applies its change again.
 */
@ApplicationScoped
@Named("jobStore")
public class JobStore {

    private static final Logger LOG = Logger.getLogger(JobStore.class);
    private static final int MAX_ATTEMPTS = 10;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration lease;
    private final Clock clock;

    public JobStore(DynamoDbClient dynamo, @ConfigProperty(name = "app.ddb.jobs-table") String table,
            @ConfigProperty(name = "app.pipeline.lease") Duration lease) {
        this.dynamo = dynamo;
        this.table = table;
        this.lease = lease;
        this.clock = Clock.tickMillis(ZoneOffset.UTC);
    }

    public Optional<Job> find(String jobId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(JobItems.key(jobId)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(JobItems.fromItem(item));
    }

    /**
     * Takes the image made from this object for processing, if no one else holds it and it has not ended.
     * Empty means there is nothing to do: an unknown object, a duplicate event or a finished image.
     */
    public Optional<ImageClaim> claim(String jobId, String bucket, String key) {
        Instant now = clock.instant();
        return change(jobId, job -> {
            int index = job.indexOf(bucket, key);
            return index >= 0 && job.images().get(index).claimable(now)
                    ? job.withImage(index, image -> image.processing(now.plus(lease)), now)
                    : null;
        }).map(job -> {
            int index = job.indexOf(bucket, key);
            ImageRecord image = job.images().get(index);
            return new ImageClaim(job.jobId(), job.owner(), job.preset(), index, image.name(), image.source());
        });
    }

    public Job complete(ImageClaim claim, ImageFacts facts, List<VariantRecord> variants, String placeholder) {
        return change(claim.jobId(), job -> job.withImage(claim.index(),
                image -> image.completed(facts, variants, placeholder), clock.instant()))
                .orElseThrow();
    }

    /** Ends the image made from this object FAILED with its reason, unless it already ended. */
    public void fail(String jobId, String bucket, String key, ImageError error) {
        failWhere(jobId, image -> image.source().bucket().equals(bucket) && image.source().key().equals(key)
                && !image.status().ended(), error);
    }

    /** Ends every image of the job that is still waiting for its upload FAILED with this reason. */
    public void failWaiting(String jobId, ImageError error) {
        failWhere(jobId, image -> image.status() == Status.PENDING, error);
    }

    private void failWhere(String jobId, Predicate<ImageRecord> which, ImageError error) {
        change(jobId, job -> {
            Job changed = null;
            for (int i = 0; i < job.images().size(); i++) {
                if (which.test(job.images().get(i))) {
                    changed = (changed == null ? job : changed).withImage(i, image -> image.failed(error), clock.instant());
                }
            }
            return changed;
        });
    }

    /**
     * Applies a change with optimistic locking. The change returns null to leave the job as it is; the
     * result is the job as written, or empty when nothing was written.
     */
    private Optional<Job> change(String jobId, Function<Job, Job> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Job> current = find(jobId);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            Job changed = change.apply(current.get());
            if (changed == null) {
                return Optional.empty();
            }
            Job next = changed.withVersion(current.get().version() + 1);
            try {
                dynamo.putItem(PutItemRequest.builder().tableName(table).item(JobItems.toItem(next))
                        .conditionExpression("#v = :v")
                        .expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(Map.of(":v",
                                AttributeValue.fromN(Long.toString(current.get().version()))))
                        .build());
                return Optional.of(next);
            } catch (ConditionalCheckFailedException lostRace) {
                LOG.debugf("Job %s changed under us (attempt %d); re-reading", jobId, attempt);
            }
        }
        throw new IllegalStateException("Job " + jobId + " kept changing; gave up after " + MAX_ATTEMPTS + " tries");
    }
}
