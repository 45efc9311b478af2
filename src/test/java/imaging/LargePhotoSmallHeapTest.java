package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import testing.LargePhoto;
import testing.PixelDiff;

/**
 * A 24 MP photo renders all its variants in a 64 MB heap (surefire runs *SmallHeapTest classes so, see
 * the pom): decoded whole it would take 72 MB as bytes alone, so it is read in bands.
 */
class LargePhotoSmallHeapTest {

    @Test
    void a24MegapixelPhotoRendersInA64MegabyteHeap() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() < 100L * 1024 * 1024, "this test must run with a small heap");
        byte[] data = Files.readAllBytes(LargePhoto.ensure());
        long start = System.nanoTime();
        Rendition rendition = new Renderer(Limits.defaults()).render(data, TestPresets.DEFAULT);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(8064, rendition.width());
        assertEquals(3024, rendition.height());
        RenderedVariant large = rendition.variants().get(3);
        assertEquals("large", large.name());
        assertEquals(1200, large.width());
        assertEquals(450, large.height());
        BufferedImage pixels = RendererCorpusTest.decode(large);
        // The right half mirrors the left: the banded read put every band where it belongs.
        BufferedImage left = pixels.getSubimage(0, 0, 600, 450);
        BufferedImage mirroredRight = new BufferedImage(600, 450, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 450; y++) {
            for (int x = 0; x < 600; x++) {
                mirroredRight.setRGB(x, y, pixels.getRGB(1199 - x, y));
            }
        }
        double difference = PixelDiff.mean(left, mirroredRight);
        assertTrue(difference < 3.0, "the halves mirror each other: " + difference);
        System.out.printf("photo=24MP heap_max_mb=%d rendered_in_ms=%d%n", Runtime.getRuntime().maxMemory() >> 20,
                millis);
    }
}
