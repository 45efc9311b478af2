package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import testing.Corpus;

/**
 * Nothing an upload's shape can make an encoder refuse, or make the job record grow: variants fit their
 * format's largest side (WebP 16383, JPEG 65500), and the placeholder a small fixed box.
 */
class OutputLimitsTest {

    private final Renderer renderer = new Renderer(Limits.defaults());

    @Test
    void aVariantLongerThanItsFormatAllowsIsScaledToFitKeepingTheAspect() {
        VariantSpec wide = VariantSpec.parse("hero 20000x10000 cover webp q80");
        assertEquals(new VariantSpec.Size(16383, 8192), wide.sizeFor(30000, 15000));
        VariantSpec tall = VariantSpec.parse("tall 4000 inside jpeg q80");
        assertEquals(new VariantSpec.Size(936, 65500), tall.sizeFor(1000, 70000));
        assertEquals(new VariantSpec.Size(800, 600), VariantSpec.parse("m 800 inside webp q80").sizeFor(4032, 3024));
    }

    @Test
    void aOneBy16384PngRendersEveryVariantWebpAt16383() throws Exception {
        Rendition rendition = renderer.render(png(1, 16384), TestPresets.DEFAULT);

        for (RenderedVariant variant : rendition.variants()) {
            int longest = variant.format() == OutputFormat.WEBP ? 16383 : 16384;
            assertEquals(variant.spec().fit() == Fit.COVER ? 150 : longest, variant.height(), variant.name());
            assertEquals(1, variant.width(), variant.name());
            BufferedImage decoded = RendererCorpusTest.decode(variant);
            assertEquals(variant.height(), decoded.getHeight(), variant.name());
        }
    }

    @Test
    void aOneBy70000PngGivesJpegsAt65500() throws Exception {
        Rendition rendition = renderer.render(png(1, 70000), TestPresets.DEFAULT);

        RenderedVariant large = rendition.variants().stream().filter(v -> v.name().equals("large")).findFirst()
                .orElseThrow();
        assertEquals(65500, large.height());
        assertEquals(65500, RendererCorpusTest.decode(large).getHeight());
    }

    @Test
    void thePlaceholderOfA20By16000PictureIsTiny() throws Exception {
        Corpus.Entry entry = Corpus.cases().stream()
                .filter(e -> e.file().equals("hostile/png-placeholder-20x16000.png")).findFirst().orElseThrow();

        Rendition rendition = renderer.render(entry.bytes(), TestPresets.DEFAULT);

        BufferedImage placeholder = placeholder(rendition);
        assertEquals(1, placeholder.getWidth());
        assertEquals(40, placeholder.getHeight());
        assertTrue(rendition.placeholder().length() < 1000,
                "a data URI of " + rendition.placeholder().length() + " chars");
    }

    @Test
    void thePlaceholderKeepsItsWidthForPhotosOfEitherOrientation() throws Exception {
        assertEquals(new VariantSpec.Size(20, 15), Placeholder.sizeFor(4032, 3024, 20));
        assertEquals(new VariantSpec.Size(20, 27), Placeholder.sizeFor(3024, 4032, 20));
        assertEquals(new VariantSpec.Size(20, 1), Placeholder.sizeFor(16000, 20, 20));
        BufferedImage placeholder = placeholder(renderer.render(Corpus.read("photos/medium-portrait-lighthouse.jpg"),
                TestPresets.DEFAULT));
        assertEquals(20, placeholder.getWidth());
    }

    private static BufferedImage placeholder(Rendition rendition) throws Exception {
        String uri = rendition.placeholder();
        byte[] jpeg = Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1));
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    /** A striped PNG of the given size. */
    static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        for (int y = 0; y < height; y += 64) {
            g.setColor(y % 128 == 0 ? Color.ORANGE : Color.BLUE);
            g.fillRect(0, y, width, 64);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
