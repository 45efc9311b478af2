package imaging;

/**
 * A part of a picture that matters, e.g. an object image analysis found, as fractions of the picture's
 * width and height (so the same region fits every size of it).
 *
 * @param left       distance of its left edge from the picture's, 0-1
 * @param top        distance of its top edge from the picture's, 0-1
 * @param width      0-1
 * @param height     0-1
 * @param confidence how sure the finder is, any scale; higher counts first
 */
public record Region(double left, double top, double width, double height, double confidence) {

    /** A region given in pixels of a picture of the given size. */
    public static Region ofPixels(int left, int top, int width, int height, int pictureWidth, int pictureHeight,
            double confidence) {
        return new Region((double) left / pictureWidth, (double) top / pictureHeight, (double) width / pictureWidth,
                (double) height / pictureHeight, confidence);
    }
}
