package imaging;

import java.awt.Point;
import java.awt.image.BufferedImage;

/**
 * How eye-catching each part of a picture is, and a {@link Focus} that keeps the most of it: libvips'
 * "attention" measure ({@code vips_smartcrop}, which imgproxy's smart gravity and sharp's
 * {@code attention} strategy call), on a copy at most {@value #SIDE} px on its longer side. Each pixel
 * scores its luminance edges (Sobel on CIE L*), plus 255 for a skin tone (a* in 3-22, b* in 4-31 with
 * L* of 15 or more, libvips' ranges) and 255 for a saturated colour (chroma over 60); transparent
 * pixels score nothing. libvips blurs that map and centres the crop on its peak; here the window
 * slides along the picture instead, and of the positions holding nearly the most score (within
 * {@value #TOLERANCE}) the middle one is taken, so a subject smaller than the window ends up in its
 * middle and a featureless picture keeps the centre.
 */
public final class Saliency implements Focus {

    /** The longer side of the copy the map is made on: placement is as fine as 1/128 of the picture. */
    static final int SIDE = 128;
    /** Window positions within this fraction of the best score count as equally good. */
    static final double TOLERANCE = 0.02;

    private static final float[] LINEAR = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
    }

    /** Score per column and per row of the copy. */
    private final double[] columns;
    private final double[] rows;

    private Saliency(double[] columns, double[] rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** Measures a picture (any layout; alpha counts as transparency). */
    public static Saliency of(BufferedImage picture) {
        double scale = Math.min(1.0, (double) SIDE / Math.max(picture.getWidth(), picture.getHeight()));
        int w = Math.max(1, (int) Math.round(picture.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(picture.getHeight() * scale));
        BufferedImage small = Resizer.resize(picture, w, h);
        int[] argb = small.getRGB(0, 0, w, h, null, 0, w);
        boolean alpha = small.getColorModel().hasAlpha();
        float[] lightness = new float[w * h];
        float[] score = new float[w * h];
        for (int i = 0; i < argb.length; i++) {
            float[] lab = lab(argb[i]);
            lightness[i] = lab[0];
            boolean skin = lab[1] >= 3 && lab[1] <= 22 && lab[2] >= 4 && lab[2] <= 31 && lab[0] >= 15;
            boolean saturated = Math.hypot(lab[1], lab[2]) > 60;
            score[i] = (skin ? 255 : 0) + (saturated ? 255 : 0);
        }
        double[] columns = new double[w];
        double[] rows = new double[h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double value = (score[i] + edge(lightness, w, h, x, y)) * (alpha ? (argb[i] >>> 24) / 255.0 : 1.0);
                columns[x] += value;
                rows[y] += value;
            }
        }
        return new Saliency(columns, rows);
    }

    @Override
    public Point origin(int width, int height, int cropWidth, int cropHeight) {
        return new Point(place(columns, width, cropWidth), place(rows, height, cropHeight));
    }

    /** |Sobel x| + |Sobel y| of L* at (x, y), edges repeated outwards. */
    private static double edge(float[] l, int w, int h, int x, int y) {
        int x0 = Math.max(0, x - 1);
        int x1 = Math.min(w - 1, x + 1);
        int y0 = Math.max(0, y - 1);
        int y1 = Math.min(h - 1, y + 1);
        double gx = (l[y0 * w + x1] + 2 * l[y * w + x1] + l[y1 * w + x1])
                - (l[y0 * w + x0] + 2 * l[y * w + x0] + l[y1 * w + x0]);
        double gy = (l[y1 * w + x0] + 2 * l[y1 * w + x] + l[y1 * w + x1])
                - (l[y0 * w + x0] + 2 * l[y0 * w + x] + l[y0 * w + x1]);
        return Math.abs(gx) + Math.abs(gy);
    }

    /**
     * Where along one axis of {@code length} pixels a window of {@code window} pixels starts: the middle
     * of the run of near-best positions around the best one, measured on the copy's profile.
     */
    private static int place(double[] profile, int length, int window) {
        int n = profile.length;
        int span = Math.max(1, Math.min(n, (int) Math.round((double) window * n / length)));
        int positions = n - span + 1;
        if (window >= length || positions <= 1) {
            return 0;
        }
        double[] sums = new double[positions];
        double sum = 0;
        for (int i = 0; i < span; i++) {
            sum += profile[i];
        }
        sums[0] = sum;
        int best = 0;
        for (int p = 1; p < positions; p++) {
            sum += profile[p + span - 1] - profile[p - 1];
            sums[p] = sum;
            if (sum > sums[best]) {
                best = p;
            }
        }
        double good = sums[best] * (1 - TOLERANCE);
        int first = best;
        int last = best;
        while (first > 0 && sums[first - 1] >= good) {
            first--;
        }
        while (last < positions - 1 && sums[last + 1] >= good) {
            last++;
        }
        double start = (first + last) / 2.0;
        return (int) Math.round(start * (length - window) / (positions - 1));
    }

    /** CIE L*a*b* (D65) of an sRGB pixel. */
    private static float[] lab(int argb) {
        double r = LINEAR[argb >> 16 & 0xFF];
        double g = LINEAR[argb >> 8 & 0xFF];
        double b = LINEAR[argb & 0xFF];
        double fx = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
        double fy = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
        double fz = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
        return new float[] {(float) (116 * fy - 16), (float) (500 * (fx - fy)), (float) (200 * (fy - fz))};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
