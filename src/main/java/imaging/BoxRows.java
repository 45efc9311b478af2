package imaging;

/**
 * Rows shrunk by whole factors: each pixel the mean of an fx by fy block of the source (the blocks on
 * the right and bottom edges may be narrower and average what they have). Made on demand as the
 * downscaler asks, so the shrunk picture never exists whole: the source rows are read once, in order.
 */
final class BoxRows implements BgrRows {

    private final BgrRows source;
    private final int fx;
    private final int fy;
    private final int width;
    private final int height;
    private final int[] row;
    private final int[] sums;

    BoxRows(BgrRows source, int fx, int fy) {
        this.source = source;
        this.fx = fx;
        this.fy = fy;
        this.width = ceilDiv(source.width(), fx);
        this.height = ceilDiv(source.height(), fy);
        this.row = new int[source.width() * 3];
        this.sums = new int[source.width() * 3];
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void read(int y, int[] into) {
        int firstRow = y * fy;
        int rows = Math.min(fy, source.height() - firstRow);
        source.read(firstRow, sums);
        for (int r = 1; r < rows; r++) {
            source.read(firstRow + r, row);
            for (int i = 0; i < sums.length; i++) {
                sums[i] += row[i];
            }
        }
        int sourceWidth = source.width();
        for (int x = 0; x < width; x++) {
            int from = x * fx;
            int columns = Math.min(fx, sourceWidth - from);
            int count = columns * rows;
            int b = 0;
            int g = 0;
            int r = 0;
            for (int at = from * 3, end = (from + columns) * 3; at < end; at += 3) {
                b += sums[at];
                g += sums[at + 1];
                r += sums[at + 2];
            }
            int to = x * 3;
            into[to] = (b + count / 2) / count;
            into[to + 1] = (g + count / 2) / count;
            into[to + 2] = (r + count / 2) / count;
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
