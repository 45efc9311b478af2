package imaging;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Base64;

/**
 * A tiny blurred JPEG that a page can show inline while the real variant loads. It fits a box of the
 * preset's placeholder width by twice that height, whatever the source's aspect: as wide as the API says
 * for anything up to 1:2 (a portrait photo's 20 px placeholder stays 20 px wide), and never larger, so
 * the job record that stores it inline cannot grow with the source (a 20x16000 picture gets 1x40).
 */
public final class Placeholder {

    public static final int QUALITY = 70;

    private Placeholder() {
    }

    /** The placeholder's size for a picture of the given displayed size. */
    public static VariantSpec.Size sizeFor(int width, int height, int placeholderWidth) {
        return new VariantSpec("placeholder", placeholderWidth, 2 * placeholderWidth, Fit.INSIDE, OutputFormat.JPEG,
                QUALITY, false, false).sizeFor(width, height);
    }

    /** The placeholder of {@link #sizeFor the given size}, as a data URI, from a source at least that large. */
    public static String dataUri(BufferedImage source, VariantSpec.Size size) {
        BufferedImage small = Resizer.resize(source, size.width(), size.height());
        BufferedImage blurred = blur(blur(Pixels.redraw(small, BufferedImage.TYPE_INT_RGB, Color.WHITE)));
        byte[] jpeg = Encoder.encode(blurred, OutputFormat.JPEG, QUALITY, false);
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
    }

    private static BufferedImage blur(BufferedImage image) {
        float ninth = 1f / 9f;
        Kernel box = new Kernel(3, 3, new float[] {ninth, ninth, ninth, ninth, ninth, ninth, ninth, ninth, ninth});
        return new ConvolveOp(box, ConvolveOp.EDGE_NO_OP, null).filter(image, null);
    }
}
