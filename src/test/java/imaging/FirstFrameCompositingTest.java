package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import testing.Corpus;
import testing.HostileImages;

/**
 * The first frame of an animation is drawn at its offset on a canvas of the logical screen's size, the
 * rest of the canvas transparent: white in JPEG outputs, clear in WebP ones.
 */
class FirstFrameCompositingTest {

    private static final int WHITE = 0xFFFFFF;
    private static final int BLUE = 0x0000FF;
    /** Colour distance (sum over channels, 0-765) allowed for encoder loss on flat colour. */
    private static final int CLOSE = 40;

    private final Renderer renderer = new Renderer(Limits.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"gif", "apng", "webp"})
    void aFirstFrameAtAnOffsetSitsThereOnATransparentCanvas(String format) throws Exception {
        byte[] file = switch (format) {
            case "gif" -> HostileImages.GIF_FIRST_FRAME_AT_OFFSET; // blue 20x10 at (30,30) on 64x48
            case "apng" -> HostileImages.APNG_FIRST_FRAME_AT_OFFSET; // blue 32x24 at (16,12)
            default -> HostileImages.WEBP_FIRST_FRAME_AT_OFFSET; // blue 32x24 at (16,12)
        };
        int[] inside = format.equals("gif") ? new int[] {40, 35} : new int[] {32, 24};
        Rendition rendition = renderer.render(file, TestPresets.DEFAULT);
        assertEquals(64, rendition.width());
        assertEquals(48, rendition.height());
        assertTrue(rendition.animated());
        BufferedImage jpeg = RendererCorpusTest.decode(variant(rendition, "large"));
        assertClose(BLUE, jpeg.getRGB(inside[0], inside[1]), "inside the first frame");
        assertClose(WHITE, jpeg.getRGB(2, 2), "outside the first frame, laid on white");
        BufferedImage webp = RendererCorpusTest.decode(variant(rendition, "webp-large"));
        assertEquals(0, webp.getRGB(2, 2) >>> 24, "outside the first frame, transparent in WebP");
    }

    @Test
    void theHandedGifIsItsScreenWithTheFirstFrameAtItsOffset() throws Exception {
        byte[] file = Files.readAllBytes(Corpus.CASES.resolve("kinds/gif-first-frame-subrectangle.gif"));
        // The manifest: screen 240x160, first frame a 100x60 block at (40,30).
        BufferedImage frame = ImageIO.read(new ByteArrayInputStream(file));
        Rendition rendition = renderer.render(file, TestPresets.DEFAULT);
        BufferedImage large = RendererCorpusTest.decode(variant(rendition, "large"));
        assertEquals(240, large.getWidth());
        assertClose(frame.getRGB(50, 30), large.getRGB(40 + 50, 30 + 30), "the frame's centre, moved by its offset");
        assertClose(WHITE, large.getRGB(5, 5), "the screen outside the frame");
        assertClose(WHITE, large.getRGB(200, 130), "the screen outside the frame");
    }

    @Test
    void aGifFrameFarLargerThanItsScreenIsClippedToIt() throws Exception {
        HostileImages.Input input = HostileImages.all().stream()
                .filter(i -> i.name().equals("gif-16000x16000-frame-on-a-64x48-screen")).findFirst().orElseThrow();
        Rendition rendition = renderer.render(input.bytes(), TestPresets.DEFAULT);
        BufferedImage large = RendererCorpusTest.decode(variant(rendition, "large"));
        assertEquals(64, large.getWidth());
        assertClose(0xFF0000, large.getRGB(2, 2), "the frame's colour at the screen's corner");
        assertClose(0xFF0000, large.getRGB(61, 45), "the frame's colour at the opposite corner");
    }

    private static RenderedVariant variant(Rendition rendition, String name) {
        return rendition.variants().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private static void assertClose(int expected, int actual, String where) {
        int distance = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            distance += Math.abs((expected >> shift & 0xFF) - (actual >> shift & 0xFF));
        }
        assertTrue(distance <= CLOSE, "%s: expected #%06X, got #%06X".formatted(where, expected & 0xFFFFFF,
                actual & 0xFFFFFF));
    }
}
