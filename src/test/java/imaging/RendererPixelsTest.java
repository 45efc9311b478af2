package imaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import testing.Corpus;
import testing.MetadataBlocks;
import testing.PixelDiff;

/** The right pixels: orientation, and nothing but pixels in the outputs. */
class RendererPixelsTest {

    /**
     * Mean absolute difference per channel (0-255) allowed between an oriented picture and the upright
     * one, on the thumbnail and the 400 px variant. The recurser set draws a different digit in the
     * centre of each file: measured 0.5-1.8 (small) and 0.6-2.0 (thumbnail) here; a wrong rotation or
     * mirror gives 40 and more.
     */
    private static final double SAME_PICTURE = 6.0;

    private final Renderer renderer = new Renderer(Limits.defaults());

    static IntStream orientations() {
        return IntStream.rangeClosed(2, 8);
    }

    @ParameterizedTest(name = "Landscape_{0}")
    @MethodSource("orientations")
    void everyExifOrientationComesOutUpright(int orientation) throws Exception {
        for (String set : new String[] {"Landscape", "Portrait"}) {
            for (String variant : new String[] {"thumbnail", "small"}) {
                BufferedImage upright = variant("orientation/" + set + "_1.jpg", variant);
                BufferedImage oriented = variant("orientation/" + set + "_" + orientation + ".jpg", variant);
                double difference = PixelDiff.mean(upright, oriented);
                assertTrue(difference < SAME_PICTURE, set + "_" + orientation + " " + variant + " differs by " + difference);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg/gps-exif.jpg", "photos/medium-portrait-exif6-lamp.jpg", "jpeg/adobe-rgb-icc.jpg"})
    void outputsCarryNoExifXmpOrGps(String file) throws Exception {
        assertTrue(MetadataBlocks.hasExifOrXmp(Corpus.read(file)), "the source has some: " + MetadataBlocks.of(Corpus.read(file)));
        for (RenderedVariant variant : renderer.render(Corpus.read(file), TestPresets.DEFAULT).variants()) {
            assertFalse(MetadataBlocks.hasExifOrXmp(variant.bytes()),
                    variant.name() + " carries " + MetadataBlocks.of(variant.bytes()));
        }
    }

    /**
     * Bound on the mean difference between the CMYK file converted with its SWOP profile and the same
     * file without a profile (converted with a generic CMYK conversion); measured 12.4.
     */
    private static final double SAME_CMYK_PICTURE = 20.0;

    @org.junit.jupiter.api.Test
    void cmykComesOutAsTheSamePictureWithOrWithoutAProfileAndNotInverted() throws Exception {
        BufferedImage profiled = variant("jpeg/cmyk-swop-profile.jpg", "small");
        BufferedImage unprofiled = variant("jpeg/cmyk-no-profile.jpg", "small");
        double difference = PixelDiff.mean(profiled, unprofiled);
        assertTrue(difference < SAME_CMYK_PICTURE, "the two CMYK renderings differ by " + difference);
        for (BufferedImage image : new BufferedImage[] {profiled, unprofiled}) {
            // The photo's lower left is a lawn: green must dominate there, as it would not once inverted.
            int[] rgb = meanColour(image, 0, image.getHeight() * 2 / 3, image.getWidth() / 3, image.getHeight() / 4);
            assertTrue(rgb[1] > rgb[0] && rgb[1] > rgb[2], "lawn colour " + java.util.Arrays.toString(rgb));
        }
    }

    private static int[] meanColour(BufferedImage image, int x0, int y0, int width, int height) {
        long r = 0;
        long g = 0;
        long b = 0;
        for (int y = y0; y < y0 + height; y++) {
            for (int x = x0; x < x0 + width; x++) {
                int p = image.getRGB(x, y);
                r += p >> 16 & 0xFF;
                g += p >> 8 & 0xFF;
                b += p & 0xFF;
            }
        }
        long n = (long) width * height;
        return new int[] {(int) (r / n), (int) (g / n), (int) (b / n)};
    }

    private BufferedImage variant(String file, String name) throws Exception {
        RenderedVariant variant = renderer.render(Corpus.read(file), TestPresets.DEFAULT).variants().stream()
                .filter(v -> v.name().equals(name)).findFirst().orElseThrow();
        return RendererCorpusTest.decode(variant);
    }
}
