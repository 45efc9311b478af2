package imaging;

import java.awt.Point;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link Focus} on the regions that matter (the objects image analysis found): the window is centred on
 * the most confident region, together with as many of the next most confident as still fit in it with
 * that one. A region larger than the window is centred, so its middle is kept.
 */
public final class ObjectFocus implements Focus {

    private final List<Region> regions;

    /** @param regions at least one; in any order */
    public ObjectFocus(List<Region> regions) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("An object focus needs at least one region");
        }
        this.regions = regions.stream()
                .sorted(Comparator.comparingDouble(Region::confidence).reversed()
                        .thenComparing(Comparator.comparingDouble((Region r) -> r.width() * r.height()).reversed()))
                .toList();
    }

    @Override
    public Point origin(int width, int height, int cropWidth, int cropHeight) {
        Region first = regions.get(0);
        double left = first.left() * width;
        double top = first.top() * height;
        double right = left + first.width() * width;
        double bottom = top + first.height() * height;
        for (Region next : regions.subList(1, regions.size())) {
            double l = Math.min(left, next.left() * width);
            double t = Math.min(top, next.top() * height);
            double r = Math.max(right, (next.left() + next.width()) * width);
            double b = Math.max(bottom, (next.top() + next.height()) * height);
            if (r - l <= cropWidth && b - t <= cropHeight) {
                left = l;
                top = t;
                right = r;
                bottom = b;
            }
        }
        return new Point((int) Math.round((left + right - cropWidth) / 2), (int) Math.round((top + bottom - cropHeight) / 2));
    }
}
