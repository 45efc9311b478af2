package imaging;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Scaling and cover-cropping. Opaque 8-bit pictures (decoded photos: the common case) are downscaled by
 * {@link BgrDownscaler} (box shrink, then cubic); anything else (alpha, grey, palette, 16-bit, and the rare enlargement of a
 * watermark logo) by Java2D in bilinear halvings, which also sample every source pixel. Outputs are
 * 3-byte BGR when opaque (what the JPEG and WebP encoders read fastest), ARGB otherwise.
 */
public final class Resizer {

    private Resizer() {
    }

    public static BufferedImage resize(BufferedImage source, int width, int height) {
        return resize(source, width, height, Deadline.NONE);
    }

    /** Scales within a render, whose deadline is checked row by row. */
    static BufferedImage resize(BufferedImage source, int width, int height, Deadline deadline) {
        if (source.getWidth() == width && source.getHeight() == height) {
            return source;
        }
        return scale(source, new Rectangle(0, 0, source.getWidth(), source.getHeight()), width, height, deadline);
    }

    /** Crops the centred box of the target's aspect out of the source, then scales it to the target. */
    static BufferedImage coverCrop(BufferedImage source, int width, int height, Deadline deadline) {
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
        return scale(source, new Rectangle((sw - cropW) / 2, (sh - cropH) / 2, cropW, cropH), width, height,
                deadline);
    }

    private static BufferedImage scale(BufferedImage source, Rectangle area, int width, int height,
            Deadline deadline) {
        if (BgrDownscaler.accepts(source) && width <= area.width && height <= area.height) {
            return BgrDownscaler.scale(source, area, width, height, deadline);
        }
        BufferedImage current = area.width == source.getWidth() && area.height == source.getHeight()
                ? source : source.getSubimage(area.x, area.y, area.width, area.height);
        int w = area.width;
        int h = area.height;
        do {
            deadline.check();
            w = w / 2 >= width ? w / 2 : width;
            h = h / 2 >= height ? h / 2 : height;
            current = draw(current, w, h);
        } while (w != width || h != height);
        return current;
    }

    private static BufferedImage draw(BufferedImage src, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, src.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR);
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
