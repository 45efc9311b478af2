package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageTypeSpecifier;
import org.junit.jupiter.api.Test;
import testing.Corpus;
import testing.PixelDiff;
import testing.PngStream;

/**
 * The heap a render needs is estimated from the headers and reserved before anything is decoded: over the
 * budget, a JPEG is read in one pass into the scaler, anything else is refused saying what it needs.
 */
class MemoryBudgetTest {

    private static final long MB = 1 << 20;

    private static Renderer renderer(long maxDecodeBytes) {
        Limits defaults = Limits.defaults();
        return new Renderer(new Limits(defaults.maxBytes(), defaults.maxPixels(), maxDecodeBytes,
                Duration.ofSeconds(60), defaults.maxJpegScans()));
    }

    @Test
    void aDecodeOverTheBudgetIsRefusedSayingWhatItNeedsAndWhatTheLimitIs() throws Exception {
        // 3000 x 3000 16-bit RGBA: 72 MB as decoded, 36 MB more as 8-bit ARGB; the same in 8-bit RGB fits.
        byte[] deep = PngStream.write(3000, 3000, true, 16, PngStream.bands());
        byte[] plain = PngStream.write(3000, 3000, false, 8, PngStream.bands());
        Renderer renderer = renderer(100 * MB);

        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> renderer.render(deep, TestPresets.DEFAULT));

        assertEquals("too-many-pixels", e.code());
        assertTrue(e.getMessage().matches(
                "This 3000x3000 PNG needs 1\\d\\d MB of memory to decode; the limit is 100 MB"), e.getMessage());
        assertEquals(1200, renderer.render(plain, TestPresets.DEFAULT).variants().get(3).width());
    }

    @Test
    void aJpegTooLargeToDecodeWholeIsReadInOnePassWithinTheBudget() throws Exception {
        byte[] photo = Corpus.read("photos/large-landscape-4032x3024.jpg");

        Rendition streamed = renderer(20 * MB).render(photo, TestPresets.DEFAULT);
        Rendition whole = renderer(Limits.defaults().maxDecodeBytes()).render(photo, TestPresets.DEFAULT);

        assertEquals(whole.variants().size(), streamed.variants().size());
        for (int i = 0; i < whole.variants().size(); i++) {
            BufferedImage a = RendererCorpusTest.decode(whole.variants().get(i));
            BufferedImage b = RendererCorpusTest.decode(streamed.variants().get(i));
            assertEquals(0.0, PixelDiff.mean(a, b), whole.variants().get(i).name());
        }
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> renderer(8 * MB).render(photo, TestPresets.DEFAULT));
        assertEquals("too-many-pixels", e.code(), "the pictures made from it still need more than 8 MB");
    }

    @Test
    void aJpegTheOnePassReaderCannotTakeIsDecodedWholeOrRefused() throws Exception {
        // CMYK: converted by the engine's JPEG reader as a whole raster.
        byte[] cmyk = Corpus.read("jpeg/cmyk-swop-profile.jpg");

        assertEquals(400, renderer(16 * MB).render(cmyk, TestPresets.DEFAULT).variants().get(1).width());
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> renderer(2 * MB).render(cmyk, TestPresets.DEFAULT));
        assertEquals("too-many-pixels", e.code());
        assertTrue(e.getMessage().startsWith("This 500x333 JPEG needs"), e.getMessage());
    }

    @Test
    void layoutsCostWhatTheirSamplesTake() {
        assertEquals(8 * 100, PixelMemory.bytes(ImageTypeSpecifier.createInterleaved(
                ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {0, 1, 2, 3}, DataBuffer.TYPE_USHORT, true,
                false), 100));
        assertEquals(3 * 100, PixelMemory.bytes(ImageTypeSpecifier.createFromBufferedImageType(
                BufferedImage.TYPE_3BYTE_BGR), 100));
        assertEquals(4 * 100, PixelMemory.bytes(ImageTypeSpecifier.createFromBufferedImageType(
                BufferedImage.TYPE_INT_ARGB), 100));
        assertEquals(13, PixelMemory.bytes(ImageTypeSpecifier.createFromBufferedImageType(
                BufferedImage.TYPE_BYTE_BINARY), 100));
    }

    @Test
    void theDefaultBudgetIsHalfTheHeapLessTwoFilesPerConsumer() {
        long tenMiB = 10 * MB;
        assertEquals(216 * MB, Limits.decodeBytesFor(512 * MB, 2, tenMiB), "the Kubernetes deployment's heap");
        assertEquals(248 * MB, Limits.decodeBytesFor(576 * MB, 2, tenMiB));
        assertEquals(12 * MB, Limits.decodeBytesFor(64 * MB, 1, tenMiB));
        assertEquals(8 * MB, Limits.decodeBytesFor(64 * MB, 4, tenMiB), "never less than an eighth of the heap");
    }

    @Test
    void rendersThatDoNotFitTogetherWaitUntilTheHeapIsGivenBack() throws Exception {
        HeapBudget budget = new HeapBudget(50 * MB);
        HeapBudget.Hold first = budget.reserve(24 * MB);
        HeapBudget.Hold second = budget.reserve(24 * MB);
        CompletableFuture<HeapBudget.Hold> third = reserveAsync(budget, 24 * MB);
        Thread.sleep(300);
        assertFalse(third.isDone(), "a third 24 MB render must wait while two are in flight");
        first.close();
        third.get(10, TimeUnit.SECONDS).close();
        second.close();
    }

    @Test
    void aRenderTakingTheWholeBudgetRunsAloneAndClosingTwiceGivesBackOnce() throws Exception {
        HeapBudget budget = new HeapBudget(50 * MB);
        HeapBudget.Hold all = budget.reserve(50 * MB);
        CompletableFuture<HeapBudget.Hold> small = reserveAsync(budget, 1);
        Thread.sleep(200);
        assertFalse(small.isDone(), "nothing runs beside a render that took the whole budget");
        all.close();
        all.close();
        small.get(10, TimeUnit.SECONDS).close();
        HeapBudget.Hold again = reserveAsync(budget, 50 * MB).get(10, TimeUnit.SECONDS);
        CompletableFuture<HeapBudget.Hold> more = reserveAsync(budget, 1);
        Thread.sleep(200);
        assertFalse(more.isDone(), "closing a hold twice gives its bytes back once");
        again.close();
        assertTrue(more.get(10, TimeUnit.SECONDS) != null);
    }

    private static CompletableFuture<HeapBudget.Hold> reserveAsync(HeapBudget budget, long bytes) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return budget.reserve(bytes);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
