package pipeline;

import analysis.ModeratedException;
import aws.S3ObjectCreated;
import imaging.ImageRejectedException;
import imaging.Inspection;
import imaging.Limits;
import imaging.Preset;
import imaging.Renderer;
import imaging.Rendition;
import imaging.dicom.DicomSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import jobs.Analysis;
import jobs.FailureFacts;
import jobs.ImageClaim;
import jobs.ImageError;
import jobs.ImageFacts;
import jobs.ImageRef;
import jobs.JobStore;
import jobs.StorageLayout;
import jobs.VariantRecord;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    private final Presets presets;
    private final Renderer renderer;
    private final Limits limits;
    private final PixelBudget budget;

    public ImagePipeline(JobStore jobs, Presets presets, @ConfigProperty(name = "app.limits.max-bytes") long maxBytes,
            @ConfigProperty(name = "app.limits.max-pixels") long maxPixels,
            @ConfigProperty(name = "app.pipeline.max-pixels-in-flight") long maxPixelsInFlight) {
        this.jobs = jobs;
        this.presets = presets;
        this.limits = new Limits(maxBytes, maxPixels);
        this.renderer = new Renderer(limits);
        this.budget = new PixelBudget(maxPixelsInFlight);
    }

    /**
     * Claims the image this object was uploaded for; null when there is nothing to do (not an upload key,
     * no such image, or a duplicate of work that is done or under way elsewhere).
     */
    public ImageClaim claim(@Body S3ObjectCreated upload) {
        Optional<ImageRef> ref = imageOf(upload);
        if (ref.isEmpty()) {
            LOG.infof("Ignoring s3://%s/%s: not under %s<owner>/<jobId>/", upload.bucket(), upload.key(),
                    StorageLayout.UPLOADS);
            return null;
        }
        ImageClaim claim = jobs.claim(ref.get(), upload.bucket(), upload.key()).orElse(null);
        if (claim == null) {
            LOG.infof("Nothing to do for s3://%s/%s: image %d of job %s is not waiting", upload.bucket(),
                    upload.key(), ref.get().index(), ref.get().jobId());
        }
        return claim;
    }

    /** Refuses an object whose size the event already tells is out of bounds, before downloading it. */
    public void checkSize(@Body S3ObjectCreated upload) throws ImageRejectedException {
        if (upload.size() >= 0) {
            renderer.inspector().checkSize(upload.size());
        }
    }

    /**
     * Renders the downloaded object (the body) with the claim's preset. A DICOM file refused for any
     * reason has its header's summary attached to the rejection, for the image's record.
     */
    public Rendition render(@Variable(CLAIM) ImageClaim claim, @Body InputStream object)
            throws ImageRejectedException, IOException, InterruptedException {
        Preset preset = presets.find(claim.preset())
                .orElseThrow(() -> new IllegalStateException("Preset " + claim.preset() + " is no longer configured"));
        byte[] data;
        try (object) {
            data = object.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
        }
        try {
            Inspection inspection = renderer.inspector().inspect(data);
            try (PixelBudget.Hold hold = budget.acquire(inspection.pixels())) {
                return renderer.render(inspection, data, preset);
            }
        } catch (ImageRejectedException e) {
            throw e.describing(DicomSummary.read(data).orElse(null));
        }
    }

    /** Records the image COMPLETED, with what rendering and analysis learnt and where its variants are. */
    public void complete(@Variable(CLAIM) ImageClaim claim, @Variable(RENDITION) Rendition rendition,
            @Variable(ImageAnalysis.ANALYSIS) Analysis analysis) {
        List<VariantRecord> variants = rendition.variants().stream().map(v -> new VariantRecord(v.name(), v.width(),
                v.height(), v.format().id(), v.bytes().length, claim.variantKey(v.name(), v.format().extension()),
                null)).toList();
        jobs.complete(claim, new ImageFacts(rendition.width(), rendition.height(), rendition.format().id(),
                rendition.animated(), rendition.exif(), rendition.dicom()), variants, rendition.placeholder(),
                analysis == null ? Analysis.NONE : analysis);
        LOG.infof("Job %s: rendered %s (%dx%d %s) into %d variants", claim.jobId(), claim.source().key(),
                rendition.width(), rendition.height(), rendition.format().id(), variants.size());
    }

    /**
     * Records a permanent failure (the exception the route caught) on the claimed image, with what is
     * known of it (a DICOM summary, what moderation found); no retry can help.
     */
    public void reject(@Variable(CLAIM) ImageClaim claim,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) ImageRejectedException rejected) {
        jobs.fail(claim, new ImageError(rejected.code(), rejected.getMessage()), new FailureFacts(
                rejected.dicom().orElse(null), rejected instanceof ModeratedException m ? m.analysis() : null));
        LOG.warnf("s3://%s/%s failed: %s (%s)", claim.source().bucket(), claim.source().key(), rejected.code(),
                rejected.getMessage());
    }

    /**
     * Ends an image FAILED after its retries ran out: the claimed one, or, when the failure came before
     * the claim, the one the upload names if no worker holds it.
     */
    public void fail(ImageClaim claim, S3ObjectCreated upload, ImageError error) {
        if (claim != null) {
            jobs.fail(claim, error);
            LOG.warnf("s3://%s/%s failed: %s (%s)", claim.source().bucket(), claim.source().key(), error.code(),
                    error.message());
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
