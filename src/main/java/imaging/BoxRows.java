package imaging;

/**
 * Rows shrunk by whole factors as they arrive: each pixel the mean of an fx by fy block of the source (the
 * blocks on the right and bottom edges may be narrower and average what they have). A shrunk row is
 * handed on as soon as its block's last row is in, so the shrunk picture never exists whole.
 */
final class BoxRows implements RowSink {

    private final RowSink next;
    private final int fx;
    private final int fy;
    private final int sourceWidth;
    private final int sourceHeight;
    private final int width;
    private final int[] sums;
    private final int[] out;
    /** Source rows taken so far, and how many of them are summed in {@link #sums}. */
    private int taken;
    private int summed;

    BoxRows(int sourceWidth, int sourceHeight, int fx, int fy, RowSink next) {
        this.next = next;
        this.fx = fx;
        this.fy = fy;
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
        this.width = shrunk(sourceWidth, fx);
        this.sums = new int[sourceWidth * 3];
        this.out = new int[width * 3];
    }

    /** The length of a side of the given length shrunk by the factor (a partial block counts). */
    static int shrunk(int length, int factor) {
        return (length + factor - 1) / factor;
    }

    @Override
    public void accept(int[] row) {
        if (summed == 0) {
            System.arraycopy(row, 0, sums, 0, sums.length);
        } else {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += row[i];
            }
        }
        summed++;
        taken++;
        if (summed == fy || taken == sourceHeight) {
            emit(summed);
            summed = 0;
        }
    }

    private void emit(int rows) {
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
            out[to] = (b + count / 2) / count;
            out[to + 1] = (g + count / 2) / count;
            out[to + 2] = (r + count / 2) / count;
        }
        next.accept(out);
    }
}
