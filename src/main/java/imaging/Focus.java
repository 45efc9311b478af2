package imaging;

import java.awt.Point;

/**
 * Where a cover crop takes its window from a picture. Implementations judge the picture in relative
 * terms, so one focus serves every size of the same picture.
 */
@FunctionalInterface
public interface Focus {

    /** The middle of the picture. */
    Focus CENTRE = (width, height, cropWidth, cropHeight) -> new Point((width - cropWidth) / 2, (height - cropHeight) / 2);

    /**
     * The top-left corner of a {@code cropWidth x cropHeight} window in a {@code width x height} picture
     * (the window fits: {@code cropWidth <= width}, {@code cropHeight <= height}); callers clamp it into
     * the picture.
     */
    Point origin(int width, int height, int cropWidth, int cropHeight);

    /** The window's corner for this focus, kept inside the picture. */
    static Point clamped(Focus focus, int width, int height, int cropWidth, int cropHeight) {
        Point p = focus.origin(width, height, cropWidth, cropHeight);
        return new Point(Math.max(0, Math.min(width - cropWidth, p.x)), Math.max(0, Math.min(height - cropHeight, p.y)));
    }
}
