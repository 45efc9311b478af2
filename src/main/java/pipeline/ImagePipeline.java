package pipeline;

import aws.S3ObjectCreated;
import imaging.ImageRejectedException;
import imaging.Rendition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jobs.Analysis;
import jobs.FailureFacts;
import jobs.ImageClaim;
import jobs.ImageError;
import jobs.ImageFacts;
import jobs.ImageRef;
import jobs.JobStore;
import jobs.LeaseLostException;
import jobs.StorageLayout;
import jobs.VariantRecord;
import metrics.PipelineMeters;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import tracing.ImageSpans;

/**
 * The verbs of the render route ({@code routes/pipeline.yaml}): claim the image in the job table, render
 * it with the image engine, record the outcome. Between steps the route keeps the typed values in Camel
 * variables: {@value #CLAIM} (an {@link ImageClaim}) and {@value #RENDITION} (a {@link Rendition}).
 */
@ApplicationScoped
@Named("imagePipeline")
public class ImagePipeline {

    public static final String CLAIM = "claim";
    public static final String RENDITION = "rendition";
    private static final Logger LOG = Logger.getLogger(ImagePipeline.class);

    private final JobStore jobs;
    private final Engine engine;
    private final LeaseHeartbeat heartbeat;
    private final PipelineMeters meters;
    private final ImageSpans spans;

    public ImagePipeline(JobStore jobs, Engine engine, LeaseHeartbeat heartbeat, PipelineMeters meters,
            ImageSpans spans) {
        this.jobs = jobs;
        this.engine = engine;
        this.heartbeat = heartbeat;
        this.meters = meters;
        this.spans = spans;
    }

    /**
     * Claims the image this object was uploaded for, its lease kept alive until the exchange completes;
     * null when there is nothing to do (not an upload key, no such image, or a duplicate of work that is
     * done or under way elsewhere). A replayed dead letter may take up an image that failed {@code internal}.
     */
    public ImageClaim claim(@Body S3ObjectCreated upload, @Header(DeadLetterReplay.REPLAYED_AT) String replayedAt,
            Exchange exchange) {
        Optional<ImageRef> ref = imageOf(upload);
        ImageLogContext.open(exchange, ref.map(ImageRef::jobId).orElse(null), upload.key());
        if (ref.isEmpty()) {
            LOG.infof("Ignoring s3://%s/%s: not under %s<owner>/<jobId>/", upload.bucket(), upload.key(),
                    StorageLayout.UPLOADS);
            return null;
        }
        ImageClaim claim = jobs.claim(ref.get(), upload.bucket(), upload.key(), replayedAt != null).orElse(null);
        if (claim == null) {
            LOG.infof("Nothing to do for s3://%s/%s: image %d of job %s is not waiting", upload.bucket(),
                    upload.key(), ref.get().index(), ref.get().jobId());
            return null;
        }
        heartbeat.keep(claim, exchange);
        spans.process(claim, exchange.getMessage().getHeaders(), exchange);
        return claim;
    }

    /** Refuses an object whose size the event already tells is out of bounds, before downloading it. */
    public void checkSize(@Body S3ObjectCreated upload) throws ImageRejectedException {
        if (upload.size() >= 0) {
            engine.checkSize(upload.size());
        }
    }

    /**
     * Renders the downloaded object (the body) with the claim's preset. Reading the body is the download
     * stage (S3 streams it); the render is timed from there, including any wait for the pixel budget.
     */
    public Rendition render(@Variable(CLAIM) ImageClaim claim, @Body InputStream object)
            throws ImageRejectedException, RenderFailedException, IOException, InterruptedException {
        long start = System.nanoTime();
        byte[] data;
        try (object) {
            data = object.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, engine.maxBytes() + 1));
        }
        long downloaded = System.nanoTime();
        meters.stage(PipelineMeters.Stage.DOWNLOAD, downloaded - start);
        Rendition rendition;
        try (ImageSpans.Render render = spans.render(meters.engineStages())) {
            rendition = engine.render(claim, data, render.stages());
        }
        meters.rendered(claim.preset(), rendition, data.length, System.nanoTime() - downloaded);
        return rendition;
    }

    /**
     * Makes sure the claim still holds its image before anything is written for it: its heartbeat has not
     * lost it, and the job table agrees (JobStore.holds).
     */
    public void holdLease(@Variable(CLAIM) ImageClaim claim) {
        if (!heartbeat.keeps(claim) || !jobs.holds(claim)) {
            throw new LeaseLostException(claim.ref());
        }
    }

    /**
     * Records the image COMPLETED, with what rendering and analysis learnt and where its variants are; its
     * end to end time runs from when its S3 event entered the queue (the message's {@code SentTimestamp}).
     */
    public void complete(@Variable(CLAIM) ImageClaim claim, @Variable(RENDITION) Rendition rendition,
            @Variable(ImageAnalysis.ANALYSIS) Analysis analysis,
            @Header(Sqs2Constants.ATTRIBUTES) Map<MessageSystemAttributeName, String> message) {
        List<VariantRecord> variants = rendition.variants().stream().map(v -> new VariantRecord(v.name(), v.width(),
                v.height(), v.format().id(), v.bytes().length, claim.variantKey(v.name(), v.format().extension()),
                null)).toList();
        heartbeat.release(claim);
        jobs.complete(claim, new ImageFacts(rendition.width(), rendition.height(), rendition.format().id(),
                rendition.animated(), rendition.exif(), rendition.dicom()), variants, rendition.placeholder(),
                analysis == null ? Analysis.NONE : analysis);
        meters.completed();
        sentAt(message).ifPresent(meters::endToEnd);
        LOG.infof("Job %s: rendered %s (%dx%d %s) into %d variants", claim.jobId(), claim.source().key(),
                rendition.width(), rendition.height(), rendition.format().id(), variants.size());
    }

    /**
     * Ends the image FAILED at once with the code of a final failure (the exception the route caught, one
     * that error-handling.yaml lists as deterministic), and what is known of the image (a DICOM summary,
     * what moderation found): no retry can help.
     */
    public void failFinally(@Variable(CLAIM) ImageClaim claim, @Body Object body,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable caught) {
        fail(claim, body instanceof S3ObjectCreated upload ? upload : null, FinalFailures.of(caught),
                FinalFailures.facts(caught));
    }

    /**
     * Ends an image FAILED: the claimed one, or, when the failure came before the claim, the one the upload
     * names if no worker holds it. A claim that lost its image writes nothing.
     */
    public void fail(ImageClaim claim, S3ObjectCreated upload, ImageError error) {
        fail(claim, upload, error, FailureFacts.NONE);
    }

    private void fail(ImageClaim claim, S3ObjectCreated upload, ImageError error, FailureFacts facts) {
        if (claim != null) {
            heartbeat.release(claim);
            if (jobs.fail(claim, error, facts)) {
                meters.failed(error.code());
                LOG.warnf("s3://%s/%s failed: %s (%s)", claim.source().bucket(), claim.source().key(), error.code(),
                        error.message());
            }
        } else if (upload != null) {
            imageOf(upload).filter(ref -> jobs.fail(ref, error)).ifPresent(ref -> meters.failed(error.code()));
            LOG.warnf("s3://%s/%s failed: %s (%s)", upload.bucket(), upload.key(), error.code(), error.message());
        }
    }

    private static Optional<Instant> sentAt(Map<MessageSystemAttributeName, String> message) {
        String sent = message == null ? null : message.get(MessageSystemAttributeName.SENT_TIMESTAMP);
        return sent == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(sent)));
    }

    /** The image an object is rendered for: named by the event (batches), or image 0 of its upload key's job. */
    static Optional<ImageRef> imageOf(S3ObjectCreated upload) {
        if (upload.jobId() != null) {
            return Optional.of(new ImageRef(upload.jobId(), upload.imageIndex() == null ? 0 : upload.imageIndex()));
        }
        return StorageLayout.parseUpload(upload.key()).map(u -> new ImageRef(u.jobId(), 0));
    }
}
