package imaging;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * Downscaling of opaque 8-bit BGR pixels (the layout JPEG decoders produce and the JPEG and WebP encoders
 * read without conversion), on the byte arrays themselves, as libvips does it: a box (area average)
 * shrink by a whole factor while the picture is more than three times the target, then a Catmull-Rom
 * cubic for the rest, which keeps edges as crisp as sharp's outputs without ringing. The rows come in
 * one at a time, top to bottom (from a picture in memory, or from a decoder as it reads), each read once,
 * so a picture too large for the heap can be scaled while it is decoded.
 */
final class BgrDownscaler implements RowSink {

    /** Weights are fixed-point fractions of 1 << BITS. */
    private static final int BITS = 12;
    private static final int ONE = 1 << BITS;
    /** Fractional bits a row sum keeps before the pass across: still fits an int after it. */
    private static final int KEPT = 8;
    private static final int ROW_SHIFT = BITS - KEPT;
    private static final int FINAL_SHIFT = BITS + KEPT;
    private static final int HALF = 1 << (FINAL_SHIFT - 1);

    private final RowSink first;
    private final CubicRows cubic;
    private final Deadline deadline;

    /**
     * A scaler taking the rows of a sourceWidth x sourceHeight picture, top to bottom, and making the
     * width x height picture (each no larger than the source's) as they come.
     */
    BgrDownscaler(int sourceWidth, int sourceHeight, int width, int height, Deadline deadline) {
        int fx = boxFactor(sourceWidth, width);
        int fy = boxFactor(sourceHeight, height);
        this.cubic = new CubicRows(BoxRows.shrunk(sourceWidth, fx), BoxRows.shrunk(sourceHeight, fy), width, height);
        this.first = fx > 1 || fy > 1 ? new BoxRows(sourceWidth, sourceHeight, fx, fy, cubic) : cubic;
        this.deadline = deadline;
    }

    /** Whether {@link #scale} can take this image. */
    static boolean accepts(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR;
    }

    /** Scales the given area of the source down to width x height (each no larger than the area's). */
    static BufferedImage scale(BufferedImage source, Rectangle area, int width, int height, Deadline deadline) {
        BgrDownscaler scaler = new BgrDownscaler(area.width, area.height, width, height, deadline);
        new ImageRows(source, area).sendTo(scaler);
        return scaler.result();
    }

    @Override
    public void accept(int[] row) {
        deadline.check();
        first.accept(row);
    }

    /** The scaled picture, once every source row has been taken. */
    BufferedImage result() {
        return cubic.result();
    }

    /**
     * The whole factor to box-shrink by first: the largest that leaves the cubic at least 1.5x to do (so
     * its low-pass shapes the result), hence at most 3x (at most 14 taps). libvips leaves its kernel 2-4x.
     */
    private static int boxFactor(int from, int to) {
        return Math.max(1, (int) (from / (1.5 * to)));
    }

    /**
     * The cubic pass, separable: the source rows under each output row are summed with their weights, then
     * that one row is reduced across. An output row is made as soon as the last source row it draws on is
     * in; the rows it may still need are kept, widened to ints (int-by-int sums are what the JIT
     * vectorises), in a ring as deep as the widest span of rows one output row draws on.
     */
    private static final class CubicRows implements RowSink {
        private final Spans columns;
        private final Spans rows;
        private final BufferedImage out;
        private final byte[] dst;
        private final int[][] ring;
        private final int[] sums;
        private final int width;
        private final int height;
        /** Source rows taken so far, and the next output row to make. */
        private int taken;
        private int made;

        CubicRows(int sourceWidth, int sourceHeight, int width, int height) {
            this.columns = Spans.cubic(sourceWidth, width);
            this.rows = Spans.cubic(sourceHeight, height);
            this.width = width;
            this.height = height;
            this.out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            this.dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
            this.ring = new int[rows.window()][sourceWidth * 3];
            this.sums = new int[sourceWidth * 3];
        }

        @Override
        public void accept(int[] row) {
            int y = taken++;
            System.arraycopy(row, 0, ring[y % ring.length], 0, sums.length);
            while (made < height && rows.last(made) <= y) {
                makeRow(made++);
            }
        }

        private void makeRow(int oy) {
            Arrays.fill(sums, 0);
            for (int k = 0; k < rows.count[oy]; k++) {
                int weight = rows.weights[rows.offset[oy] + k];
                int[] row = ring[(rows.first[oy] + k) % ring.length];
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += weight * row[i];
                }
            }
            reduceAcross(sums, columns, dst, oy * width * 3, width);
        }

        BufferedImage result() {
            if (made < height) {
                throw new IllegalStateException(
                        "The scaler made " + made + " of " + height + " rows: its source ended early");
            }
            return out;
        }
    }

    /** The row of sums reduced to the output width, rounded and clamped to bytes. */
    private static void reduceAcross(int[] sums, Spans columns, byte[] dst, int at, int width) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] >>= ROW_SHIFT;
        }
        int[] first = columns.first;
        int[] count = columns.count;
        int[] offset = columns.offset;
        int[] weights = columns.weights;
        int out = at;
        for (int ox = 0; ox < width; ox++) {
            int b = 0;
            int g = 0;
            int r = 0;
            int from = first[ox] * 3;
            int w = offset[ox];
            int end = w + count[ox];
            for (; w < end; w++, from += 3) {
                int weight = weights[w];
                b += weight * sums[from];
                g += weight * sums[from + 1];
                r += weight * sums[from + 2];
            }
            dst[out] = clamp(b);
            dst[out + 1] = clamp(g);
            dst[out + 2] = clamp(r);
            out += 3;
        }
    }

    private static byte clamp(int sum) {
        int value = (sum + HALF) >> FINAL_SHIFT;
        return (byte) (value < 0 ? 0 : Math.min(value, 255));
    }

    /**
     * For each output pixel along one axis, the run of source pixels it draws on and their weights, which
     * sum to ONE.
     */
    private static final class Spans {
        final int[] first;
        final int[] count;
        final int[] offset;
        final int[] weights;
        final int maxTaps;

        private Spans(int outputs, int maxTaps) {
            this.maxTaps = maxTaps;
            first = new int[outputs];
            count = new int[outputs];
            offset = new int[outputs];
            weights = new int[outputs * maxTaps];
        }

        /**
         * Catmull-Rom cubic stretched by the ratio (a low-pass as wide as the pixels being merged), centred
         * on each output pixel; taps outside the picture are dropped and the rest renormalised.
         */
        static Spans cubic(int sourceLength, int outputLength) {
            double ratio = (double) sourceLength / outputLength;
            double scale = Math.max(1.0, ratio);
            double support = 2 * scale;
            int maxTaps = (int) Math.ceil(2 * support) + 2;
            Spans spans = new Spans(outputLength, maxTaps);
            double[] taps = new double[maxTaps];
            int used = 0;
            for (int i = 0; i < outputLength; i++) {
                double centre = (i + 0.5) * ratio - 0.5;
                int start = Math.max(0, (int) Math.ceil(centre - support));
                int end = Math.min(sourceLength - 1, (int) Math.floor(centre + support));
                // Taps where the kernel is zero (all but one when nothing is scaled) cost without adding.
                while (start < end && catmullRom((start - centre) / scale) == 0) {
                    start++;
                }
                while (end > start && catmullRom((end - centre) / scale) == 0) {
                    end--;
                }
                for (int s = start; s <= end; s++) {
                    taps[s - start] = catmullRom((s - centre) / scale);
                }
                used = spans.put(i, start, end - start + 1, taps, used);
            }
            return spans;
        }

        /** The last source row output i draws on. */
        int last(int i) {
            return first[i] + count[i] - 1;
        }

        /**
         * How many source rows must be kept for outputs made in order, each as soon as its last row is in:
         * the widest span from an output's first row to the last row of any output up to it.
         */
        int window() {
            int window = 1;
            int lastSoFar = 0;
            for (int i = 0; i < first.length; i++) {
                lastSoFar = Math.max(lastSoFar, last(i));
                window = Math.max(window, lastSoFar - first[i] + 1);
            }
            return window;
        }

        private static double catmullRom(double x) {
            double t = Math.abs(x);
            if (t < 1) {
                return 1.5 * t * t * t - 2.5 * t * t + 1;
            }
            return t < 2 ? -0.5 * t * t * t + 2.5 * t * t - 4 * t + 2 : 0;
        }

        /** Stores one output's taps as fixed-point weights summing to exactly ONE; returns the next free slot. */
        private int put(int output, int start, int taps, double[] raw, int used) {
            double total = 0;
            for (int k = 0; k < taps; k++) {
                total += raw[k];
            }
            first[output] = start;
            count[output] = taps;
            offset[output] = used;
            int sum = 0;
            int largest = used;
            for (int k = 0; k < taps; k++) {
                int w = (int) Math.round(raw[k] / total * ONE);
                weights[used + k] = w;
                sum += w;
                if (w > weights[largest]) {
                    largest = used + k;
                }
            }
            weights[largest] += ONE - sum;
            return used + taps;
        }
    }
}
