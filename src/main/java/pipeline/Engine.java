package pipeline;

import imaging.ImageRejectedException;
import imaging.Limits;
import imaging.Preset;
import imaging.Renderer;
import imaging.Rendition;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.OptionalLong;
import jobs.ImageClaim;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The image engine as the pipeline runs it: the limits from config (among them the heap for pixels, which
 * the renderer shares among the workers' renders, and the time one render may take), and the preset of
 * the claim. Rendering is computation on the bytes, so what it throws is deterministic: a rejection of
 * the input, or an engine failure that retrying cannot mend; only an S3 call (a watermark logo's first
 * read) may fail for a while and is left to be retried.
 */
@Singleton
public class Engine {

    private static final Logger LOG = Logger.getLogger(Engine.class);

    private final Presets presets;
    private final Limits limits;
    private final Renderer renderer;

    /**
     * @param maxDecodeBytes the heap the renders under way may fill with pixels together; unset: derived
     *                       from this JVM's heap and the consumers by {@link Limits#decodeBytesFor}
     */
    public Engine(Presets presets, @ConfigProperty(name = "app.limits.max-bytes") long maxBytes,
            @ConfigProperty(name = "app.limits.max-pixels") long maxPixels,
            @ConfigProperty(name = "app.limits.max-decode-bytes") OptionalLong maxDecodeBytes,
            @ConfigProperty(name = "app.limits.render-time-limit") Duration renderTimeLimit,
            @ConfigProperty(name = "app.limits.max-jpeg-scans") int maxJpegScans,
            @ConfigProperty(name = "app.pipeline.consumers") int consumers) {
        this.presets = presets;
        this.limits = new Limits(maxBytes, maxPixels, maxDecodeBytes.orElseGet(
                () -> Limits.decodeBytesFor(Runtime.getRuntime().maxMemory(), consumers, maxBytes)), renderTimeLimit,
                maxJpegScans);
        this.renderer = new Renderer(limits);
        LOG.infof("Rendering with up to %d MB of heap for pixels across %d consumers, %s per image",
                limits.maxDecodeBytes() >> 20, consumers, renderTimeLimit);
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
     * Renders the source's bytes with the claim's preset, once the heap its pixels need is free.
     *
     * @throws ImageRejectedException the input is unusable (its code says why)
     * @throws RenderFailedException  the engine failed on this input in another way
     */
    public Rendition render(ImageClaim claim, byte[] data)
            throws ImageRejectedException, RenderFailedException, InterruptedException {
        Preset preset = presets.find(claim.preset()).orElseThrow(() -> new RenderFailedException(
                "Preset " + claim.preset() + " is no longer configured", null));
        try {
            return renderer.render(renderer.inspector().inspect(data), data, preset);
        } catch (SdkException e) {
            // a watermark logo is read from S3 on first use: its I/O fails like any other S3 call
            throw e;
        } catch (RuntimeException e) {
            throw new RenderFailedException("The image engine failed on this image: " + e, e);
        }
    }
}
