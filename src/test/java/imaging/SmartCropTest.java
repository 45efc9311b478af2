package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import testing.Corpus;
import testing.OffCentre;

/**
 * Smart gravity: a cover crop keeps a subject far from the centre, by saliency alone or around the
 * objects analysis found; centre gravity keeps cropping the middle.
 */
class SmartCropTest {

    private static final Renderer RENDERER = new Renderer(Limits.defaults());

    @Test
    void saliencyKeepsADetailedPatchInTheCornerWhereTheCentreCropLosesIt() throws Exception {
        // 1200x800, the subject in the top-right corner: a square crop is 800x800, free along x only.
        byte[] png = OffCentre.png(OffCentre.picture(1200, 800, new Rectangle(1000, 40, 160, 160)));
        // Windows from x 360 to 400 keep the patch whole: 160 px, 30 px in the thumbnail, 7.5 px down.
        Rectangle smart = OffCentre.subject(thumbnail(png, "smart"));
        assertWhole(smart, 30, 30);
        assertTrue(Math.abs(smart.y - 7) <= 2, "at its height: " + smart);
        assertTrue(OffCentre.subject(thumbnail(png, "centre")).isEmpty(), "the centre crop shows only the field");
    }

    @Test
    void aSubjectSmallerThanTheWindowEndsUpInItsMiddle() throws Exception {
        // A 3000x1000 panorama, a 100 px subject at x 2000: windows from 1100 to 2000 all hold it; the middle
        // one (1550) centres it.
        byte[] png = OffCentre.png(OffCentre.picture(3000, 1000, new Rectangle(2000, 450, 100, 100)));
        Rectangle smart = OffCentre.subject(thumbnail(png, "smart"));
        assertWhole(smart, 15, 15);
        assertTrue(Math.abs(smart.getCenterX() - 75) <= 4, "in the middle across: " + smart);
    }

    @Test
    void aTallPictureIsSearchedTopToBottom() throws Exception {
        byte[] png = OffCentre.png(OffCentre.picture(600, 1800, new Rectangle(200, 1650, 200, 120)));
        Rectangle smart = OffCentre.subject(thumbnail(png, "smart"));
        assertWhole(smart, 50, 30);
        assertTrue(OffCentre.subject(thumbnail(png, "centre")).isEmpty(), "the centre crop misses it");
    }

    @Test
    void aFeaturelessPictureKeepsTheCentre() {
        Saliency flat = Saliency.of(OffCentre.picture(900, 300));
        assertEquals(new Point(300, 0), flat.origin(900, 300, 300, 300));
        assertEquals(new Point(0, 300), Saliency.of(OffCentre.picture(300, 900)).origin(300, 900, 300, 300));
    }

    @Test
    void objectsCentreTheWindowOnTheMostConfidentWithWhatFitsBesideIt() {
        Region best = new Region(0.80, 0.10, 0.10, 0.20, 95);
        Region near = new Region(0.65, 0.50, 0.10, 0.20, 80);
        Region far = new Region(0.00, 0.40, 0.10, 0.20, 90);
        // 1000x500 with a 500x500 window: best and near span x 650-900 (fits), far would make 0-900 (not).
        Point origin = new ObjectFocus(List.of(far, near, best)).origin(1000, 500, 500, 500);
        assertEquals(new Point(525, 0), new Point(origin.x, Math.max(0, origin.y)));
        // A region wider than the window: its middle is kept.
        Region wide = new Region(0.10, 0.0, 0.80, 1.0, 50);
        assertEquals(250, new ObjectFocus(List.of(wide)).origin(1000, 500, 500, 500).x);
        assertThrows(IllegalArgumentException.class, () -> new ObjectFocus(List.of()));
    }

    @Test
    void refocusCutsTheSmartCoverVariantsAgainAroundTheObjectsAndKeepsTheOthers() throws Exception {
        // Two subjects: saliency prefers the larger, busier one on the left; the analyser's box is on the right.
        BufferedImage picture = OffCentre.picture(1200, 600, new Rectangle(40, 100, 300, 300),
                new Rectangle(1080, 250, 80, 80));
        Preset preset = new Preset("analysed", List.of(VariantSpec.parse("thumb 150x150 cover png q100 smart"),
                VariantSpec.parse("wide 600 inside png q100")), 0).withAnalysisSide(1600);
        Rendition rendition = RENDERER.render(OffCentre.png(picture), preset);
        AnalysisCopy copy = rendition.analysisCopy();
        assertNotNull(copy);
        assertEquals(1200, copy.width(), "never enlarged for analysis");
        assertEquals(600, copy.height());
        // 600x600 windows at a quarter: the left subject is 75 px, the right one 20 px.
        assertWhole(OffCentre.subject(decode(rendition.variants().get(0))), 75, 75);

        Focus onTheRight = new ObjectFocus(List.of(Region.ofPixels(1080, 250, 80, 80, 1200, 600, 88.5)));
        Rendition refocused = Renderer.refocus(rendition, preset, onTheRight);
        // The window centred on the box is clamped to x 600-1200: the box is at (1080-600)/4 = 120, 62.
        Rectangle after = OffCentre.subject(decode(refocused.variants().get(0)));
        assertWhole(after, 20, 20);
        assertTrue(Math.abs(after.x - 120) <= 2 && Math.abs(after.y - 62) <= 2, "the analysed object: " + after);
        assertSame(rendition.variants().get(1), refocused.variants().get(1), "inside variants stay as rendered");
        assertNull(refocused.analysisCopy(), "the analysis copy is let go");
    }

    @Test
    void theAnalysisCopyIsTheDisplayedPictureAtMost1600PxAndUnder5Mb() throws Exception {
        byte[] photo = Corpus.read("photos/large-landscape-4032x3024.jpg");
        Preset preset = TestPresets.DEFAULT.withAnalysisSide(1600);
        Rendition rendition = RENDERER.render(photo, preset);
        AnalysisCopy copy = rendition.analysisCopy();
        BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(copy.jpeg()));
        assertEquals(1600, jpeg.getWidth());
        assertEquals(1200, jpeg.getHeight());
        assertTrue(copy.jpeg().length < AnalysisCopy.MAX_BYTES, copy.jpeg().length + " bytes");
        assertNull(copy.cropSource(), "the default set has no smart crop to cut again");
        assertNull(RENDERER.render(photo, TestPresets.DEFAULT).analysisCopy(), "none unless the set is analysed");
    }

    @Test
    void theVariantLineTakesGravity() {
        assertEquals(Gravity.SMART, VariantSpec.parse("thumb 150x150 cover jpeg q80 smart").gravity());
        assertEquals(Gravity.CENTRE, VariantSpec.parse("thumb 150x150 cover jpeg q80 centre").gravity());
        assertEquals(Gravity.CENTRE, VariantSpec.parse("thumb 150x150 cover jpeg q80").gravity());
        IllegalArgumentException inside = assertThrows(IllegalArgumentException.class,
                () -> VariantSpec.parse("medium 800 inside jpeg q85 smart"));
        assertTrue(inside.getMessage().contains("fit cover only"), inside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VariantSpec.parse("thumb 150x150 cover jpeg q80 smart centre"));
    }

    /** The subject is all there: its box in the picture is about as large as it should be. */
    private static void assertWhole(Rectangle subject, int width, int height) {
        assertTrue(Math.abs(subject.width - width) <= 2 && Math.abs(subject.height - height) <= 2,
                "a subject of about " + width + "x" + height + ": " + subject);
    }

    private static BufferedImage thumbnail(byte[] png, String gravity) throws Exception {
        Preset preset = new Preset("t", List.of(VariantSpec.parse("thumb 150x150 cover png q100 " + gravity)), 0);
        return decode(RENDERER.render(png, preset).variants().get(0));
    }

    private static BufferedImage decode(RenderedVariant variant) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(variant.bytes()));
    }
}
