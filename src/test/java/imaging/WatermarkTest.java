package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import testing.Corpus;
import testing.PixelDiff;

/** Watermarks: where they land, how strong, and which variants get one. */
class WatermarkTest {

    private static final Watermark.Text WHITE_TEXT = new Watermark.Text("(c) Example", Color.WHITE);

    @ParameterizedTest
    @EnumSource(value = WatermarkAnchor.class, names = "TILED", mode = EnumSource.Mode.EXCLUDE)
    void aLogoLandsInItsAnchorsCellAMarginInAndNowhereElse(WatermarkAnchor anchor) {
        Watermark mark = new Watermark(new Watermark.Logo(WatermarkTest::redSquare), anchor, 0.1, 1f, 0.02, 0);
        BufferedImage marked = mark.apply(filled(1200, 900, Color.BLACK));
        Rectangle changed = changedArea(marked, Color.BLACK);
        assertEquals(120, changed.width, "logo width is 10 % of the picture's");
        assertEquals(120, changed.height);
        int[] expectedX = {24, 540, 1056};
        int[] expectedY = {24, 390, 756};
        int column = anchor.ordinal() % 3;
        int row = anchor.ordinal() / 3;
        assertEquals(expectedX[column], changed.x, anchor + " x");
        assertEquals(expectedY[row], changed.y, anchor + " y");
        assertEquals(new Color(255, 0, 0), new Color(marked.getRGB(changed.x + 60, changed.y + 60)), "opacity 1: pure logo");
    }

    @Test
    void textIsSizedToTheWidthAndBlendedAtItsOpacity() {
        Watermark half = new Watermark(WHITE_TEXT, WatermarkAnchor.BOTTOM_RIGHT, 0.05, 0.5f, 0.02, 0);
        for (int width : new int[] {800, 1600}) {
            BufferedImage marked = half.apply(filled(width, width * 3 / 4, Color.BLACK));
            Rectangle changed = changedArea(marked, Color.BLACK);
            assertTrue(changed.height > 0.5 * 0.05 * width && changed.height <= 0.05 * width + 2,
                    "glyphs " + changed.height + " px high for a " + width + " px picture");
            assertTrue(changed.x > width / 2 && changed.y > width * 3 / 8, "in the bottom-right corner: " + changed);
            assertTrue(changed.x + changed.width <= width - 0.02 * width + 1, "a margin from the right edge");
            int brightest = 0;
            for (int y = changed.y; y < changed.y + changed.height; y++) {
                for (int x = changed.x; x < changed.x + changed.width; x++) {
                    brightest = Math.max(brightest, marked.getRGB(x, y) & 0xFF);
                }
            }
            assertTrue(brightest >= 120 && brightest <= 135, "white at 50 % on black: " + brightest);
        }
    }

    @Test
    void tiledMarksCoverEveryPartOfThePicture() {
        Watermark tiled = new Watermark(WHITE_TEXT, WatermarkAnchor.TILED, 0.04, 0.4f, 0.02, 0);
        BufferedImage marked = tiled.apply(filled(1200, 900, Color.BLACK));
        for (int qy = 0; qy < 3; qy++) {
            for (int qx = 0; qx < 3; qx++) {
                BufferedImage cell = marked.getSubimage(qx * 400, qy * 300, 400, 300);
                assertTrue(changedArea(cell, Color.BLACK).width > 0, "a mark in cell " + qx + "," + qy);
            }
        }
    }

    @Test
    void onlyVariantsAtTheMinimumWidthAreMarkedNeverTheThumbnailOrPlaceholder() throws Exception {
        Watermark mark = new Watermark(WHITE_TEXT, WatermarkAnchor.BOTTOM_RIGHT, 0.05, 1f, 0.02, 800);
        Preset marked = new Preset("branded", TestPresets.DEFAULT.variants(), 20, Optional.of(mark));
        Renderer renderer = new Renderer(Limits.defaults());
        byte[] photo = Corpus.read("photos/large-landscape-4032x3024.jpg");
        Rendition plain = renderer.render(photo, TestPresets.DEFAULT);
        Rendition branded = renderer.render(photo, marked);
        for (int i = 0; i < plain.variants().size(); i++) {
            RenderedVariant before = plain.variants().get(i);
            RenderedVariant after = branded.variants().get(i);
            boolean expectMark = before.width() >= 800;
            BufferedImage a = RendererCorpusTest.decode(before);
            BufferedImage b = RendererCorpusTest.decode(after);
            double corner = PixelDiff.mean(PixelDiff.bottomRight(a), PixelDiff.bottomRight(b));
            double rest = PixelDiff.mean(topLeft(a), topLeft(b));
            // JPEG codes 8x8 blocks on their own; WebP's segment analysis is global, so the mark nudges the
            // rest of the picture a little (measured 1.2).
            double unchanged = before.format() == OutputFormat.JPEG ? 0.5 : 2.0;
            assertTrue(rest < unchanged, before.name() + " is unchanged away from the mark: " + rest);
            assertEquals(expectMark, corner > 5.0, before.name() + " corner difference " + corner);
        }
        assertEquals(plain.placeholder(), branded.placeholder(), "the placeholder is never marked");

        Watermark everywhere = new Watermark(WHITE_TEXT, WatermarkAnchor.TILED, 0.2, 1f, 0, 0);
        assertTrue(!everywhere.appliesTo(TestPresets.DEFAULT.variants().get(0), 150)
                && everywhere.appliesTo(TestPresets.DEFAULT.variants().get(1), 400),
                "with no minimum width everything but the thumbnail is marked");
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        assertThrows(IllegalArgumentException.class, () -> WatermarkAnchor.parse("middle"));
        assertEquals(WatermarkAnchor.BOTTOM_LEFT, WatermarkAnchor.parse("bottom-left"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Watermark(WHITE_TEXT, WatermarkAnchor.TOP, 0.05, 1.5f, 0.02, 800));
        assertTrue(e.getMessage().contains("opacity"), e.getMessage());
    }

    private static BufferedImage topLeft(BufferedImage image) {
        return image.getSubimage(0, 0, image.getWidth() / 2, image.getHeight() / 2);
    }

    private static BufferedImage redSquare() {
        return filled(64, 64, Color.RED);
    }

    static BufferedImage filled(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** The bounding box of the pixels that are no longer the background. */
    private static Rectangle changedArea(BufferedImage image, Color background) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != (background.getRGB() & 0xFFFFFF)) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? new Rectangle() : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
