package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import testing.Corpus;
import testing.PngStream;

/**
 * Running out of heap or stack mid-render is final for that image ({@code too-complex}) and leaves the
 * renderer serving. Surefire runs this class in a 64 MB heap (see the pom), where a real decode really
 * runs out of it.
 */
class ExhaustionSmallHeapTest {

    /** 5000 x 5000 RGB: 75 MB decoded, more than the whole heap. */
    private static final byte[] TOO_LARGE_FOR_THE_HEAP = PngStream.write(5000, 5000, false, 8, PngStream.bands());

    @Test
    void withItsBudgetTheRendererRefusesWhatTheHeapCannotHoldBeforeDecoding() {
        assertTrue(Runtime.getRuntime().maxMemory() < 100L * 1024 * 1024, "this test must run with a small heap");

        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> new Renderer(Limits.defaults()).render(TOO_LARGE_FOR_THE_HEAP, TestPresets.DEFAULT));

        assertEquals("too-many-pixels", e.code());
        assertTrue(e.getMessage().startsWith("This 5000x5000 PNG needs"), e.getMessage());
    }

    @Test
    void aDecodeThatRunsOutOfHeapEndsTooComplexAndTheNextImageRenders() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() < 100L * 1024 * 1024, "this test must run with a small heap");
        Limits defaults = Limits.defaults();
        Renderer unbudgeted = new Renderer(new Limits(defaults.maxBytes(), defaults.maxPixels(), Long.MAX_VALUE / 2,
                defaults.renderTimeLimit(), defaults.maxJpegScans()));

        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> unbudgeted.render(TOO_LARGE_FOR_THE_HEAP, TestPresets.DEFAULT));

        assertEquals("too-complex", e.code());
        assertEquals("Rendering needed more memory than the 64 MB heap had", e.getMessage());
        assertTrue(e.getCause() instanceof OutOfMemoryError, "a real one: " + e.getCause());
        Rendition next = unbudgeted.render(Corpus.read("photos/large-landscape-4032x3024.jpg"), TestPresets.DEFAULT);
        assertEquals(1200, next.variants().get(3).width());
    }

    @Test
    void aRenderThatRunsOutOfStackEndsTooComplexAndGivesItsHeapBack() throws Exception {
        // A watermark logo whose loading recurses without end: a real StackOverflowError mid-render.
        Supplier<BufferedImage> bottomless = new Supplier<>() {
            @Override
            public BufferedImage get() {
                return get();
            }
        };
        Watermark mark = new Watermark(new Watermark.Logo(bottomless), WatermarkAnchor.BOTTOM_RIGHT, 0.1, 1f, 0.02, 0);
        Preset marked = new Preset("marked", TestPresets.DEFAULT.variants(), 20, Optional.of(mark));
        byte[] photo = Corpus.read("photos/medium-landscape-wood.jpg");
        // A budget for one such render at a time (it needs 14 MB): the next can only start if this one gave it back.
        Limits defaults = Limits.defaults();
        Renderer renderer = new Renderer(new Limits(defaults.maxBytes(), defaults.maxPixels(), 20L << 20,
                Duration.ofSeconds(60), defaults.maxJpegScans()));

        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> renderer.render(photo, marked));

        assertEquals("too-complex", e.code());
        assertTrue(e.getCause() instanceof StackOverflowError, "a real one: " + e.getCause());
        Rendition next = assertTimeoutPreemptively(Duration.ofMinutes(2),
                () -> renderer.render(photo, TestPresets.DEFAULT), "waits for ever if the failed render kept its heap");
        assertEquals(List.of(150, 400, 800, 1200, 800, 1200), next.variants().stream().map(RenderedVariant::width)
                .toList());
    }
}
