package routes;

import aws.S3EventNotifications;
import aws.S3ObjectCreated;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.time.Instant;
import java.util.Date;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Local mode only (dev and test): the part of S3 that S3Proxy lacks, bucket notifications. It watches
 * {@code uploads/} and publishes, once per object version, the same S3 event JSON that AWS sends to the
 * ingest queue, so the pipeline cannot tell the difference. In AWS the bucket's notification
 * configuration does this and this route does not exist.
 */
@ApplicationScoped
public class LocalS3EventBridge extends RouteBuilder {

    @ConfigProperty(name = "app.local.enabled")
    boolean localMode;

    @ConfigProperty(name = "app.local.data-dir")
    String dataDir;

    private final S3EventNotifications events;

    public LocalS3EventBridge(S3EventNotifications events) {
        this.events = events;
    }

    @Override
    public void configure() {
        if (!localMode) {
            return;
        }
        // Objects stay in the bucket, so each poll lists them again: a file-backed record of what was
        // already announced keeps that true across restarts too.
        FileIdempotentRepository announced = (FileIdempotentRepository) FileIdempotentRepository
                .fileIdempotentRepository(new File(dataDir, "s3-events-announced.txt"), 100_000, 64L * 1024 * 1024);

        // aws2-s3 4.18 leaves a key "in progress" for good when fetching it fails (seen during an S3
        // outage), so that object would never be announced: the file record above is the only memory.
        getContext().getRegistry().bind("bridgeNothingInProgress", new NothingInProgress());

        from("aws2-s3:{{app.s3.bucket}}?prefix=uploads/&deleteAfterRead=false&includeBody=false&ignoreBody=true"
                + "&includeFolders=false&maxMessagesPerPoll=100&delay={{app.local.s3-event-bridge.poll-delay-ms}}"
                + "&inProgressRepository=#bridgeNothingInProgress")
                .routeId("local-s3-event-bridge")
                // not eager: an object counts as announced only once its event is on the queue, so a crash
                // in between announces it again rather than never
                .idempotentConsumer(simple("${header.CamelAwsS3Key}|${header.CamelAwsS3ETag}"), announced).eager(false)
                .process(this::toEvent)
                .to("aws2-sqs:{{app.sqs.ingest-queue}}");
    }

    private void toEvent(Exchange exchange) {
        var in = exchange.getMessage();
        Date lastModified = in.getHeader(AWS2S3Constants.LAST_MODIFIED, Date.class);
        Instant modified = lastModified == null ? Instant.now() : lastModified.toInstant();
        S3ObjectCreated object = new S3ObjectCreated(
                in.getHeader(AWS2S3Constants.BUCKET_NAME, String.class),
                in.getHeader(AWS2S3Constants.KEY, String.class),
                in.getHeader(AWS2S3Constants.CONTENT_LENGTH, 0L, Long.class),
                in.getHeader(AWS2S3Constants.E_TAG, "", String.class).replace("\"", ""),
                in.getHeader(AWS2S3Constants.VERSION_ID, String.class),
                String.format("%016X", modified.toEpochMilli()));
        String event = events.objectCreated(object, modified);
        in.removeHeaders("*");
        in.setBody(event);
    }

    /** An in-progress record that holds nothing. */
    private static final class NothingInProgress implements IdempotentRepository {
        @Override
        public boolean add(String key) {
            return true;
        }

        @Override
        public boolean contains(String key) {
            return false;
        }

        @Override
        public boolean remove(String key) {
            return true;
        }

        @Override
        public boolean confirm(String key) {
            return true;
        }

        @Override
        public void clear() {
            // nothing is held
        }

        @Override
        public void start() {
            // stateless
        }

        @Override
        public void stop() {
            // stateless
        }
    }
}
