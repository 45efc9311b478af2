package imaging;

import java.awt.image.BufferedImage;

/**
 * The first frame of an upload, decoded once and scaled down to what the outputs need, as stored (not
 * yet turned upright), with what the pipeline records about it.
 *
 * @param animated the upload has more frames than the one decoded
 */
public record DecodedImage(BufferedImage pixels, Inspection inspection, boolean animated, ExifSummary exif) {

    public Orientation orientation() {
        return exif.orientationTransform();
    }

    /** Width as displayed, after EXIF orientation. */
    public int displayWidth() {
        return orientation().swapsAxes() ? inspection.height() : inspection.width();
    }

    /** Height as displayed, after EXIF orientation. */
    public int displayHeight() {
        return orientation().swapsAxes() ? inspection.width() : inspection.height();
    }
}
