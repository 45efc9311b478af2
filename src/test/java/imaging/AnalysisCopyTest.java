package imaging;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import testing.Corpus;

/** What analysis gets to see of a picture, transparent ones included. */
class AnalysisCopyTest {

    @Test
    void lightContentOnTransparencyIsAlsoShownLaidOnBlack() throws IOException {
        BufferedImage picture = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(100, 75, 200, 150);
        g.dispose();

        AnalysisCopy copy = AnalysisCopy.of(picture, null, true);

        BufferedImage onWhite = decode(copy.jpeg());
        assertTrue(luma(onWhite, 10, 10) > 240 && luma(onWhite, 200, 150) > 240,
                "laid on white, the content vanishes into the background");
        assertNotNull(copy.jpegOnBlack(), "a picture with transparency is kept laid on black too");
        BufferedImage onBlack = decode(copy.jpegOnBlack());
        assertTrue(luma(onBlack, 10, 10) < 20, "the transparent background is black");
        assertTrue(luma(onBlack, 200, 150) > 240, "the white content shows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png/rgba-transparency.png", "png/palette-interlaced.png", "png/grey-alpha.png",
            "webp/lossless-alpha.webp"})
    void everyFormatsTransparencyReachesTheCopyLaidOnBlack(String file) throws Exception {
        Rendition rendition = new Renderer(Limits.defaults()).render(Corpus.read(file),
                TestPresets.DEFAULT.withAnalysisSide(1600));

        assertNotNull(rendition.analysisCopy().jpegOnBlack(), file);
    }

    @Test
    void anOpaquePhotoIsKeptOnce() throws Exception {
        Rendition rendition = new Renderer(Limits.defaults()).render(Corpus.read("orientation/Landscape_1.jpg"),
                TestPresets.DEFAULT.withAnalysisSide(1600));

        assertNull(rendition.analysisCopy().jpegOnBlack());
    }

    @Test
    void anOpaquePictureIsKeptOnceEvenWithAnAlphaChannel() {
        BufferedImage opaque = new BufferedImage(400, 300, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage allOpaqueAlpha = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = allOpaqueAlpha.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 400, 300);
        g.dispose();

        assertNull(AnalysisCopy.of(opaque, null, true).jpegOnBlack());
        assertNull(AnalysisCopy.of(allOpaqueAlpha, null, true).jpegOnBlack(), "every pixel opaque: nothing to hide");
        assertTrue(AnalysisCopy.of(opaque, null, true).jpeg().length > 0);
    }

    @Test
    void aPresetOfJpegsOnlyShowsEverythingOnWhite() throws Exception {
        Preset jpegOnly = new Preset("jpeg-only", List.of(VariantSpec.parse("medium 800 inside jpeg q85")), 0)
                .withAnalysisSide(1600);

        Rendition rendition = new Renderer(Limits.defaults()).render(Corpus.read("png/rgba-transparency.png"), jpegOnly);

        assertNull(rendition.analysisCopy().jpegOnBlack(), "no variant keeps the transparency");
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static int luma(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
    }
}
