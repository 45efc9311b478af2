package pipeline;

import imaging.ImageRejectedException;
import imaging.Inspection;
import imaging.Limits;
import imaging.Preset;
import imaging.Renderer;
import imaging.Rendition;
import jakarta.inject.Singleton;
import jobs.ImageClaim;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The image engine as the pipeline runs it: the limits from config, the cap on decoded pixels in flight
 * across workers, and the preset of the claim. Rendering is computation on the bytes, so what it throws is
 * deterministic: a rejection of the input, or an engine failure that retrying cannot mend; only an S3 call
 * (a watermark logo's first read) may fail for a while and is left to be retried.
 */
@Singleton
public class Engine {

    private final Presets presets;
    private final Limits limits;
    private final Renderer renderer;
    private final PixelBudget budget;

    public Engine(Presets presets, @ConfigProperty(name = "app.limits.max-bytes") long maxBytes,
            @ConfigProperty(name = "app.limits.max-pixels") long maxPixels,
            @ConfigProperty(name = "app.pipeline.max-pixels-in-flight") long maxPixelsInFlight) {
        this.presets = presets;
        this.limits = new Limits(maxBytes, maxPixels);
        this.renderer = new Renderer(limits);
        this.budget = new PixelBudget(maxPixelsInFlight);
    }

    /** The most bytes of a source worth reading: one more than the limit tells a source is too large. */
    public long maxBytes() {
        return limits.maxBytes();
    }

    /** Refuses a source of this many bytes, if it is over the limit. */
    public void checkSize(long bytes) throws ImageRejectedException {
        renderer.inspector().checkSize(bytes);
    }

    /**
     * Renders the source's bytes with the claim's preset, once the pixels it decodes fit the budget.
     *
     * @throws ImageRejectedException the input is unusable (its code says why)
     * @throws RenderFailedException  the engine failed on this input in another way
     */
    public Rendition render(ImageClaim claim, byte[] data)
            throws ImageRejectedException, RenderFailedException, InterruptedException {
        Preset preset = presets.find(claim.preset()).orElseThrow(() -> new RenderFailedException(
                "Preset " + claim.preset() + " is no longer configured", null));
        try {
            Inspection inspection = renderer.inspector().inspect(data);
            try (PixelBudget.Hold hold = budget.acquire(inspection.pixels())) {
                return renderer.render(inspection, data, preset);
            }
        } catch (SdkException e) {
            // a watermark logo is read from S3 on first use: its I/O fails like any other S3 call
            throw e;
        } catch (RuntimeException e) {
            throw new RenderFailedException("The image engine failed on this image: " + e, e);
        }
    }
}
