package imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Small pixel-layout helpers shared by the decoder and the encoders. */
final class Pixels {

    private Pixels() {
    }

    /** Draws the image into a new one of the given type, over the background when that is not null. */
    static BufferedImage redraw(BufferedImage image, int type, Color background) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        try {
            if (background != null) {
                g.setColor(background);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
