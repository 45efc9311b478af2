package imaging;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Downscaling by successive halvings with bilinear filtering, then one last bilinear step: each step
 * samples every source pixel, so the result is close to an area average without its cost.
 */
public final class Resizer {

    private Resizer() {
    }

    public static BufferedImage resize(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        if (w == width && h == height) {
            return source;
        }
        do {
            w = w / 2 >= width ? w / 2 : width;
            h = h / 2 >= height ? h / 2 : height;
            current = draw(current, w, h);
        } while (w != width || h != height);
        return current;
    }

    /** Crops the centred box of the target's aspect out of the source, then scales it to the target. */
    public static BufferedImage coverCrop(BufferedImage source, int width, int height) {
        int sw = source.getWidth();
        int sh = source.getHeight();
        double targetAspect = (double) width / height;
        int cropW = sw;
        int cropH = sh;
        if ((double) sw / sh > targetAspect) {
            cropW = Math.max(1, (int) Math.round(sh * targetAspect));
        } else {
            cropH = Math.max(1, (int) Math.round(sw / targetAspect));
        }
        BufferedImage cropped = source.getSubimage((sw - cropW) / 2, (sh - cropH) / 2, cropW, cropH);
        return resize(cropped, width, height);
    }

    private static BufferedImage draw(BufferedImage src, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, src.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
