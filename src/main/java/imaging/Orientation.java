package imaging;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;

/** The EXIF Orientation tag (1-8) and how to turn stored pixels upright. */
public enum Orientation {
    NORMAL(1), FLIP_H(2), ROTATE_180(3), FLIP_V(4), TRANSPOSE(5), ROTATE_90(6), TRANSVERSE(7), ROTATE_270(8);

    private final int tag;

    Orientation(int tag) {
        this.tag = tag;
    }

    public int tag() {
        return tag;
    }

    /** Orientations 5-8 store the picture on its side. */
    public boolean swapsAxes() {
        return tag >= 5;
    }

    /** A size turned by this orientation (stored to displayed, or back: turning is its own inverse). */
    public VariantSpec.Size turn(VariantSpec.Size size) {
        return swapsAxes() ? size.transposed() : size;
    }

    public static Orientation ofTag(int tag) {
        return tag >= 1 && tag <= 8 ? values()[tag - 1] : NORMAL;
    }

    /** Returns the image turned upright (the same instance when nothing is to be done). */
    public BufferedImage apply(BufferedImage image) {
        if (this == NORMAL) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (this) {
            case FLIP_H -> { t.translate(w, 0); t.scale(-1, 1); }
            case ROTATE_180 -> { t.translate(w, h); t.rotate(Math.PI); }
            case FLIP_V -> { t.translate(0, h); t.scale(1, -1); }
            case TRANSPOSE -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case ROTATE_90 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case TRANSVERSE -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case ROTATE_270 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> throw new IllegalStateException();
        }
        int outW = swapsAxes() ? h : w;
        int outH = swapsAxes() ? w : h;
        BufferedImage out = new BufferedImage(outW, outH, image.getType());
        new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, out);
        return out;
    }
}
