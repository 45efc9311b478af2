package imaging;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;

/**
 * A light unsharp mask (the centre pixel minus a fraction of its four neighbours), for variants that
 * ask for it: downscaling averages fine detail away, and a mild sharpen brings edges back without halos.
 */
public final class Sharpen {

    /** How much of each neighbour is taken away; 0.15 is about what image CDNs apply after a resize. */
    private static final float AMOUNT = 0.15f;

    private static final ConvolveOp MASK = new ConvolveOp(new Kernel(3, 3, new float[] {
        0, -AMOUNT, 0,
        -AMOUNT, 1 + 4 * AMOUNT, -AMOUNT,
        0, -AMOUNT, 0}), ConvolveOp.EDGE_NO_OP, null);

    private Sharpen() {
    }

    /** A sharpened copy; the source is left as it is (the cascade still scales from it). */
    public static BufferedImage apply(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
        return MASK.filter(image, out);
    }
}
