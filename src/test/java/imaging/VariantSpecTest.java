package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import testing.Corpus;
import testing.PixelDiff;

/** The one-line variant form of the presets, and what its options do. */
class VariantSpecTest {

    @Test
    void readsEveryPartOfTheLineOptionsInAnyOrder() {
        VariantSpec spec = VariantSpec.parse("  hero 1600x900 cover webp q75 sharpen progressive ");
        assertEquals(new VariantSpec("hero", 1600, 900, Fit.COVER, OutputFormat.WEBP, 75, true, true), spec);
        VariantSpec plain = VariantSpec.parse("medium 800 inside jpeg q85");
        assertFalse(plain.progressive() || plain.sharpen());
        assertEquals(0, plain.height());
    }

    @ParameterizedTest
    @ValueSource(strings = {"medium 800 inside jpeg", "medium 800 inside jpeg q85 blurry",
        "medium 800 inside jpeg q85 sharpen sharpen", "medium 800 inside gif q85", "medium 800 cover jpeg q85",
        "medium 800 inside jpeg q0", "medium wide inside jpeg q85"})
    void refusesALineItCannotReadSayingWhy(String line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VariantSpec.parse(line));
        assertTrue(e.getMessage().contains(line.trim()), e.getMessage());
    }

    @Test
    void sharpenGivesCrisperEdgesAtTheSameSize() throws Exception {
        byte[] photo = Corpus.read("photos/medium-landscape-wood.jpg");
        Renderer renderer = new Renderer(Limits.defaults());
        RenderedVariant soft = renderer.render(photo, preset("medium 800 inside png q100")).variants().get(0);
        RenderedVariant crisp = renderer.render(photo, preset("medium 800 inside png q100 sharpen")).variants().get(0);
        BufferedImage a = RendererCorpusTest.decode(soft);
        BufferedImage b = RendererCorpusTest.decode(crisp);
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        double gain = edgeEnergy(b) / edgeEnergy(a);
        assertTrue(gain > 1.2 && gain < 3.0, "edge energy grows, within reason: x" + gain);
        assertTrue(PixelDiff.mean(a, b) < 6.0, "still the same picture");
    }

    private static Preset preset(String line) {
        return new Preset("test", List.of(VariantSpec.parse(line)), 0);
    }

    /** Mean squared difference between horizontal neighbours, on green: how much fine edge there is. */
    private static double edgeEnergy(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 1; x < image.getWidth(); x++) {
                int d = (image.getRGB(x, y) >> 8 & 0xFF) - (image.getRGB(x - 1, y) >> 8 & 0xFF);
                sum += d * d;
            }
        }
        return sum / ((double) image.getHeight() * (image.getWidth() - 1));
    }
}
