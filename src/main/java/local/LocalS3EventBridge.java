package local;

import aws.S3EventNotifications;
import aws.S3ObjectCreated;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Local mode only (dev and test): the part of S3 that S3Proxy lacks, bucket notifications. It lists
 * {@code uploads/} and publishes, once per object version, the same S3 event JSON that AWS sends to the
 * ingest queue, so the pipeline cannot tell the difference. In AWS the bucket's notification
 * configuration does this and this route does not exist.
 */
@ApplicationScoped
public class LocalS3EventBridge extends RouteBuilder {

    @ConfigProperty(name = "app.local.enabled")
    boolean localMode;

    @ConfigProperty(name = "app.local.s3-event-bridge.enabled")
    boolean enabled;

    @ConfigProperty(name = "app.local.data-dir")
    String dataDir;

    @ConfigProperty(name = "app.s3.bucket")
    String bucket;

    private final S3Client s3;
    private final S3EventNotifications events;
    private FileIdempotentRepository announced;

    public LocalS3EventBridge(S3Client s3, S3EventNotifications events) {
        this.s3 = s3;
        this.events = events;
    }

    @Override
    public void configure() {
        if (!localMode || !enabled) {
            return;
        }
        // Objects stay in the bucket, so each listing shows them again: a file-backed record of what was
        // already announced keeps that true across restarts too.
        announced = (FileIdempotentRepository) FileIdempotentRepository
                .fileIdempotentRepository(new File(dataDir, "s3-events-announced.txt"), 100_000, 64L * 1024 * 1024);

        // A listing, not the aws2-s3 consumer: that one fetches every object on every poll.
        from("timer:local-s3-event-bridge?period={{app.local.s3-event-bridge.poll-delay-ms}}")
                .routeId("local-s3-event-bridge")
                .bean(this, "newUploads")
                .split(body())
                    // not eager: an object counts as announced only once its event is on the queue, so a
                    // crash in between announces it again rather than never
                    .idempotentConsumer(method(this, "announcement"), announced).eager(false)
                    .bean(events, "objectCreated(${body})")
                    .to("aws2-sqs:{{app.sqs.ingest-queue}}");
    }

    /**
     * The objects under {@code uploads/} not yet announced, as the S3 event for each one's creation would
     * describe it. Those already announced are left out here rather than by the idempotent consumer alone,
     * so that a bucket of many uploads does not cost an exchange per object on every listing.
     */
    public List<S3ObjectCreated> newUploads() {
        return s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix("uploads/")).contents().stream()
                // an object still being written may be listed without its ETag yet: the next listing has it
                .filter(o -> !o.key().endsWith("/") && o.eTag() != null)
                .map(o -> new S3ObjectCreated(bucket, o.key(), o.size(), o.eTag().replace("\"", ""), null,
                        String.format("%016X", o.lastModified().toEpochMilli())))
                .filter(object -> !announced.contains(announcement(object)))
                .toList();
    }

    /** What identifies an object version's announcement: its key and ETag. */
    public static String announcement(S3ObjectCreated object) {
        return object.key() + "|" + object.eTag();
    }
}
