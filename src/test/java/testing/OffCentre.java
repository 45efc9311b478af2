package testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Pictures whose subject is far from the centre, for smart-crop tests: a flat grey field with detailed
 * patches (coloured noise in 4 px cells) where the test puts them; and how much detail a part of a
 * rendered picture holds.
 */
public final class OffCentre {

    public static final Color FIELD = new Color(0x80, 0x80, 0x80);

    private OffCentre() {
    }

    /** A {@code width x height} grey field with a noise patch in each rectangle. */
    public static BufferedImage picture(int width, int height, Rectangle... patches) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(FIELD);
            g.fillRect(0, 0, width, height);
            Random random = new Random(width * 31L + height);
            for (Rectangle patch : patches) {
                for (int y = patch.y; y < patch.y + patch.height; y += 4) {
                    for (int x = patch.x; x < patch.x + patch.width; x += 4) {
                        g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
                        g.fillRect(x, y, Math.min(4, patch.x + patch.width - x), Math.min(4, patch.y + patch.height - y));
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Mean distance of the part's pixels from the flat field, 0-255 per channel: ~0 where nothing is. */
    public static double detail(BufferedImage image, Rectangle part) {
        Rectangle area = part.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        long sum = 0;
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                int rgb = image.getRGB(x, y);
                sum += Math.abs((rgb >> 16 & 0xFF) - FIELD.getRed()) + Math.abs((rgb >> 8 & 0xFF) - FIELD.getGreen())
                        + Math.abs((rgb & 0xFF) - FIELD.getBlue());
            }
        }
        return (double) sum / (3.0 * Math.max(1, area.width * area.height));
    }

    /**
     * Where the detail is in a rendered picture: the bounding box of the pixels more than 24 levels away
     * from the field in some channel; empty (0x0) when there are none.
     */
    public static Rectangle subject(BufferedImage image) {
        Rectangle box = null;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs((rgb >> 16 & 0xFF) - FIELD.getRed()) > 24 || Math.abs((rgb >> 8 & 0xFF) - FIELD.getGreen()) > 24
                        || Math.abs((rgb & 0xFF) - FIELD.getBlue()) > 24) {
                    box = box == null ? new Rectangle(x, y, 1, 1) : box.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        return box == null ? new Rectangle() : box;
    }

    /** {@link #detail} of the whole picture. */
    public static double detail(BufferedImage image) {
        return detail(image, new Rectangle(0, 0, image.getWidth(), image.getHeight()));
    }
}
