package testing;

import java.awt.image.BufferedImage;

/** How far apart two pictures of the same size are, for tests that compare renderings. */
public final class PixelDiff {

    private PixelDiff() {
    }

    /** Mean absolute difference per RGB channel, 0-255. */
    public static double mean(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new AssertionError("sizes differ: " + a.getWidth() + "x" + a.getHeight() + " and "
                    + b.getWidth() + "x" + b.getHeight());
        }
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
            }
        }
        return (double) sum / (3L * a.getWidth() * a.getHeight());
    }

    /** The bottom-right quarter (in each direction) of a picture, where a default watermark goes. */
    public static BufferedImage bottomRight(BufferedImage image) {
        return image.getSubimage(image.getWidth() * 3 / 4, image.getHeight() * 3 / 4, image.getWidth() / 4,
                image.getHeight() / 4);
    }
}
