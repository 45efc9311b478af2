package testing;

import imaging.ImageRejectedException;
import imaging.Rendition;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.OptionalLong;
import jobs.ImageClaim;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pipeline.Engine;
import pipeline.Presets;
import pipeline.RenderFailedException;

/**
 * The real engine, except for images whose name (the uploaded file's, without extension) starts with one
 * of the prefixes below: those render slowly or fail the way a hostile input can make a JVM fail. Selected
 * by {@link ScriptedWork} only.
 */
@Alternative
@Singleton
public class ScriptedEngine extends Engine {

    /** Renders after {@code app.test.slow-render}. */
    public static final String SLOW = "slow-";
    public static final String OUT_OF_MEMORY = "oom-";
    public static final String STACK_OVERFLOW = "stack-";
    /** Renders, with a placeholder that makes the image's record pass DynamoDB's 400 KB item limit. */
    public static final String HUGE_RECORD = "huge-record-";

    private final Duration slow;

    public ScriptedEngine(Presets presets, @ConfigProperty(name = "app.limits.max-bytes") long maxBytes,
            @ConfigProperty(name = "app.limits.max-pixels") long maxPixels,
            @ConfigProperty(name = "app.limits.max-decode-bytes") OptionalLong maxDecodeBytes,
            @ConfigProperty(name = "app.limits.render-time-limit") Duration renderTimeLimit,
            @ConfigProperty(name = "app.limits.max-jpeg-scans") int maxJpegScans,
            @ConfigProperty(name = "app.pipeline.consumers") int consumers,
            @ConfigProperty(name = "app.test.slow-render") Duration slow) {
        super(presets, maxBytes, maxPixels, maxDecodeBytes, renderTimeLimit, maxJpegScans, consumers);
        this.slow = slow;
    }

    @Override
    public Rendition render(ImageClaim claim, byte[] data)
            throws ImageRejectedException, RenderFailedException, InterruptedException {
        String name = claim.name();
        if (name.startsWith(OUT_OF_MEMORY)) {
            throw new OutOfMemoryError("Java heap space (scripted)");
        }
        if (name.startsWith(STACK_OVERFLOW)) {
            throw new StackOverflowError("scripted");
        }
        if (name.startsWith(SLOW)) {
            Thread.sleep(slow.toMillis());
        }
        Rendition rendition = super.render(claim, data);
        if (name.startsWith(HUGE_RECORD)) {
            return new Rendition(rendition.format(), rendition.width(), rendition.height(), rendition.animated(),
                    rendition.exif(), rendition.variants(), "data:image/jpeg;base64," + "A".repeat(450_000));
        }
        return rendition;
    }
}
