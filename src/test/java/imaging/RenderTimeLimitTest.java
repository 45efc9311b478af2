package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import testing.Corpus;
import testing.LargePhoto;
import testing.PngStream;

/**
 * A render past its time limit is stopped and ends too-complex, whether the time goes in the decoder
 * (ended from its own callbacks, mid-read) or in the scaler. Tiny limits on large inputs show the
 * mechanism; the elapsed times are printed as figures, not asserted.
 */
class RenderTimeLimitTest {

    private static Renderer renderer(Duration limit) {
        return renderer(limit, Limits.DEFAULT_MAX_JPEG_SCANS);
    }

    private static Renderer renderer(Duration limit, int maxJpegScans) {
        Limits defaults = Limits.defaults();
        return new Renderer(new Limits(defaults.maxBytes(), defaults.maxPixels(), defaults.maxDecodeBytes(), limit,
                maxJpegScans));
    }

    @Test
    void aLargeJpegReadInOnePassStopsInTheScalerWhileTheDecoderFeedsIt() throws Exception {
        byte[] photo = Files.readAllBytes(LargePhoto.ensure());

        ImageRejectedException e = stopped(renderer(Duration.ofMillis(1)), photo, "24mp-jpeg");

        assertEquals("Rendering took longer than 1 ms, the limit for one image", e.getMessage());
        assertStoppedIn(e, "JPEGImageReader");
    }

    @Test
    void aLargePngStopsInsideTheDecoder() throws Exception {
        byte[] png = PngStream.write(4000, 3000, false, 8, (y, samples) -> Arrays.fill(samples, (byte) (y * 7)));

        ImageRejectedException e = stopped(renderer(Duration.ofMillis(5)), png, "12mp-png");

        assertEquals("Rendering took longer than 5 ms, the limit for one image", e.getMessage());
        assertStoppedIn(e, "PNGImageReader");
    }

    /** The scan limit refuses this file before decoding; without it, the time limit still ends its decode. */
    @Test
    void aProgressiveJpegOfThousandsOfScansStopsAtItsLimit() throws Exception {
        byte[] scans = Corpus.cases().stream().filter(c -> c.file().equals("hostile/jpeg-progressive-6000-scans.jpg"))
                .findFirst().orElseThrow().bytes();

        ImageRejectedException e = stopped(renderer(Duration.ofMillis(500), Integer.MAX_VALUE), scans,
                "jpeg-6000-scans");

        assertEquals("Rendering took longer than 500 ms, the limit for one image", e.getMessage());
        assertStoppedIn(e, "JPEGImageReader");
    }

    @Test
    void aRenderWithinItsLimitIsUntouched() throws Exception {
        Rendition rendition = renderer(Duration.ofSeconds(30)).render(Corpus.read("jpeg/progressive.jpg"),
                TestPresets.DEFAULT);

        assertEquals(1200, rendition.variants().get(3).width());
    }

    private static ImageRejectedException stopped(Renderer renderer, byte[] data, String name) {
        long start = System.nanoTime();
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> renderer.render(data, TestPresets.DEFAULT));
        System.out.printf("input=%s stopped_after_ms=%d%n", name, (System.nanoTime() - start) / 1_000_000);
        assertEquals("too-complex", e.code());
        return e;
    }

    /** The rejection was made inside the decoder's read, not after it had run to the end. */
    private static void assertStoppedIn(ImageRejectedException e, String reader) {
        assertTrue(Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getClassName().endsWith(reader)),
                "stopped within " + reader + ": " + Arrays.toString(e.getStackTrace()));
    }
}
