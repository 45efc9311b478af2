package pipeline;

import aws.S3ObjectCreated;
import imaging.ImageRejectedException;
import imaging.Inspection;
import imaging.Limits;
import imaging.Preset;
import imaging.RenderedVariant;
import imaging.Renderer;
import imaging.Rendition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import jobs.ImageClaim;
import jobs.ImageError;
import jobs.ImageFacts;
import jobs.JobStore;
import jobs.StorageLayout;
import jobs.VariantRecord;
import org.apache.camel.Exchange;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The steps of the render route that need more than a line of YAML: claiming the image in the job
 * table, rendering it with the image engine, and recording the outcome. State between steps travels in
 * exchange properties named below.
 */
@ApplicationScoped
@Named("imagePipeline")
public class ImagePipeline {

    public static final String UPLOAD = "upload";
    public static final String CLAIM = "claim";
    public static final String RENDITION = "rendition";
    private static final Logger LOG = Logger.getLogger(ImagePipeline.class);

    private final JobStore jobs;
    private final Presets presets;
    private final Renderer renderer;
    private final Limits limits;

    /**
     * @param maxDecodeBytes the heap the renders under way may fill with pixels together; unset: derived
     *                       from this JVM's heap and the consumers by {@link Limits#decodeBytesFor}
     */
    public ImagePipeline(JobStore jobs, Presets presets, @ConfigProperty(name = "app.limits.max-bytes") long maxBytes,
            @ConfigProperty(name = "app.limits.max-pixels") long maxPixels,
            @ConfigProperty(name = "app.limits.max-decode-bytes") OptionalLong maxDecodeBytes,
            @ConfigProperty(name = "app.limits.render-time-limit") Duration renderTimeLimit,
            @ConfigProperty(name = "app.pipeline.consumers") int consumers) {
        this.jobs = jobs;
        this.presets = presets;
        this.limits = new Limits(maxBytes, maxPixels, maxDecodeBytes.orElseGet(
                () -> Limits.decodeBytesFor(Runtime.getRuntime().maxMemory(), consumers, maxBytes)), renderTimeLimit);
        this.renderer = new Renderer(limits);
        LOG.infof("Rendering with up to %d MB of heap for pixels across %d consumers, %s per image",
                limits.maxDecodeBytes() >> 20, consumers, renderTimeLimit);
    }

    /**
     * Claims the image made from this upload; null when there is nothing to do (not an upload key, no
     * such job, or a duplicate of work that is done or under way elsewhere).
     */
    public ImageClaim claim(S3ObjectCreated upload) {
        Optional<String> jobId = jobOf(upload);
        if (jobId.isEmpty()) {
            LOG.infof("Ignoring s3://%s/%s: not under %s<owner>/<jobId>/", upload.bucket(), upload.key(),
                    StorageLayout.UPLOADS);
            return null;
        }
        ImageClaim claim = jobs.claim(jobId.get(), upload.bucket(), upload.key()).orElse(null);
        if (claim == null) {
            LOG.infof("Nothing to do for s3://%s/%s: no waiting image of job %s", upload.bucket(), upload.key(),
                    jobId.get());
        }
        return claim;
    }

    /** Refuses an object whose size the event already tells is out of bounds, before downloading it. */
    public void checkSize(S3ObjectCreated upload) throws ImageRejectedException {
        if (upload.size() >= 0) {
            renderer.inspector().checkSize(upload.size());
        }
    }

    /** Renders the downloaded object (the body) with the claim's preset; returns the variants to store. */
    public List<VariantUpload> render(Exchange exchange, InputStream object)
            throws ImageRejectedException, IOException, InterruptedException {
        ImageClaim claim = exchange.getProperty(CLAIM, ImageClaim.class);
        Preset preset = presets.find(claim.preset())
                .orElseThrow(() -> new IllegalStateException("Preset " + claim.preset() + " is no longer configured"));
        byte[] data;
        try (object) {
            data = object.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
        }
        Inspection inspection = renderer.inspector().inspect(data);
        Rendition rendition = renderer.render(inspection, data, preset);
        exchange.setProperty(RENDITION, rendition);
        return rendition.variants().stream().map(v -> new VariantUpload(variantKey(claim, v),
                v.format().contentType(), v.bytes().length, v.bytes())).toList();
    }

    public void complete(Exchange exchange) {
        ImageClaim claim = exchange.getProperty(CLAIM, ImageClaim.class);
        Rendition rendition = exchange.getProperty(RENDITION, Rendition.class);
        List<VariantRecord> variants = rendition.variants().stream().map(v -> new VariantRecord(v.name(), v.width(),
                v.height(), v.format().id(), v.bytes().length, variantKey(claim, v), null)).toList();
        jobs.complete(claim, new ImageFacts(rendition.width(), rendition.height(), rendition.format().id(),
                rendition.animated(), rendition.exif()), variants, rendition.placeholder());
        LOG.infof("Job %s: rendered %s (%dx%d %s) into %d variants", claim.jobId(), claim.source().key(),
                rendition.width(), rendition.height(), rendition.format().id(), variants.size());
    }

    /** Records a permanent failure (the exception the route caught) on the image; no retry can help. */
    public void reject(Exchange exchange) {
        ImageRejectedException rejected = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ImageRejectedException.class);
        fail(exchange, rejected.code(), rejected.getMessage());
    }

    /** Ends the upload's image FAILED with the given reason, if the exchange carries an upload. */
    public void fail(Exchange exchange, String code, String message) {
        S3ObjectCreated upload = exchange.getProperty(UPLOAD, S3ObjectCreated.class);
        if (upload == null) {
            return;
        }
        jobOf(upload).ifPresent(jobId -> jobs.fail(jobId, upload.bucket(), upload.key(), new ImageError(code, message)));
        LOG.warnf("s3://%s/%s failed: %s (%s)", upload.bucket(), upload.key(), code, message);
    }

    /** The job an object is rendered for: named by the message (batches) or by the upload key. */
    private static Optional<String> jobOf(S3ObjectCreated upload) {
        return upload.jobId() != null
                ? Optional.of(upload.jobId())
                : StorageLayout.parseUpload(upload.key()).map(StorageLayout.UploadRef::jobId);
    }

    private static String variantKey(ImageClaim claim, RenderedVariant variant) {
        return StorageLayout.variantKey(claim.owner(), claim.jobId(), claim.name(), variant.name(),
                variant.format().extension());
    }
}
