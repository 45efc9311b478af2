package pipeline;

import aws.S3ObjectCreated;
import imaging.ImageRejectedException;
import imaging.Rendition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import jobs.ImageClaim;
import jobs.ImageError;
import jobs.ImageFacts;
import jobs.ImageRef;
import jobs.JobStore;
import jobs.LeaseLostException;
import jobs.StorageLayout;
import jobs.VariantRecord;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.jboss.logging.Logger;

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

    public ImagePipeline(JobStore jobs, Engine engine, LeaseHeartbeat heartbeat) {
        this.jobs = jobs;
        this.engine = engine;
        this.heartbeat = heartbeat;
    }

    /**
     * Claims the image this object was uploaded for, its lease kept alive until the exchange completes;
     * null when there is nothing to do (not an upload key, no such image, or a duplicate of work that is
     * done or under way elsewhere). A replayed dead letter may take up an image that failed {@code internal}.
     */
    public ImageClaim claim(@Body S3ObjectCreated upload, @Header(DeadLetterReplay.REPLAYED_AT) String replayedAt,
            Exchange exchange) {
        Optional<ImageRef> ref = imageOf(upload);
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
        return claim;
    }

    /** Refuses an object whose size the event already tells is out of bounds, before downloading it. */
    public void checkSize(@Body S3ObjectCreated upload) throws ImageRejectedException {
        if (upload.size() >= 0) {
            engine.checkSize(upload.size());
        }
    }

    /** Renders the downloaded object (the body) with the claim's preset. */
    public Rendition render(@Variable(CLAIM) ImageClaim claim, @Body InputStream object)
            throws ImageRejectedException, RenderFailedException, IOException, InterruptedException {
        byte[] data;
        try (object) {
            data = object.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, engine.maxBytes() + 1));
        }
        return engine.render(claim, data);
    }

    /** Makes sure the claim still holds its image before anything is written for it, renewing its lease. */
    public void holdLease(@Variable(CLAIM) ImageClaim claim) {
        if (!jobs.renew(claim)) {
            throw new LeaseLostException(claim.ref());
        }
    }

    /** Records the image COMPLETED, with what rendering learnt and where its variants are. */
    public void complete(@Variable(CLAIM) ImageClaim claim, @Variable(RENDITION) Rendition rendition) {
        List<VariantRecord> variants = rendition.variants().stream().map(v -> new VariantRecord(v.name(), v.width(),
                v.height(), v.format().id(), v.bytes().length, claim.variantKey(v.name(), v.format().extension()),
                null)).toList();
        jobs.complete(claim, new ImageFacts(rendition.width(), rendition.height(), rendition.format().id(),
                rendition.animated(), rendition.exif()), variants, rendition.placeholder());
        LOG.infof("Job %s: rendered %s (%dx%d %s) into %d variants", claim.jobId(), claim.source().key(),
                rendition.width(), rendition.height(), rendition.format().id(), variants.size());
    }

    /**
     * Ends the image FAILED at once with the code of a final failure (the exception the route caught, one
     * that error-handling.yaml lists as deterministic): no retry can help.
     */
    public void failFinally(@Variable(CLAIM) ImageClaim claim, @Body Object body,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable caught) {
        fail(claim, body instanceof S3ObjectCreated upload ? upload : null, FinalFailures.of(caught));
    }

    /**
     * Ends an image FAILED: the claimed one, or, when the failure came before the claim, the one the upload
     * names if no worker holds it. A claim that lost its image writes nothing.
     */
    public void fail(ImageClaim claim, S3ObjectCreated upload, ImageError error) {
        if (claim != null) {
            if (jobs.fail(claim, error)) {
                LOG.warnf("s3://%s/%s failed: %s (%s)", claim.source().bucket(), claim.source().key(), error.code(),
                        error.message());
            }
        } else if (upload != null) {
            imageOf(upload).ifPresent(ref -> jobs.fail(ref, error));
            LOG.warnf("s3://%s/%s failed: %s (%s)", upload.bucket(), upload.key(), error.code(), error.message());
        }
    }

    /** The image an object is rendered for: named by the event (batches), or image 0 of its upload key's job. */
    static Optional<ImageRef> imageOf(S3ObjectCreated upload) {
        if (upload.jobId() != null) {
            return Optional.of(new ImageRef(upload.jobId(), upload.imageIndex() == null ? 0 : upload.imageIndex()));
        }
        return StorageLayout.parseUpload(upload.key()).map(u -> new ImageRef(u.jobId(), 0));
    }
}
