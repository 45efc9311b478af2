package imaging;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Base64;

/** A tiny blurred JPEG that a page can show inline while the real variant loads. */
public final class Placeholder {

    public static final int QUALITY = 70;

    private Placeholder() {
    }

    public static String dataUri(BufferedImage source, int width) {
        VariantSpec.Size size = new VariantSpec("placeholder", width, 0, Fit.INSIDE, OutputFormat.JPEG, QUALITY, false, false)
                .sizeFor(source.getWidth(), source.getHeight());
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
