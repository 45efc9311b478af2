package imaging;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * What a render keeps for image analysis, which runs after it: the whole picture as displayed, scaled
 * down to the preset's analysis side and encoded as a JPEG under {@link #MAX_BYTES} (what an analyser
 * such as Rekognition takes as bytes), and the picture the smart-gravity cover variants are cut from, so
 * they can be cut again around what analysis finds.
 *
 * <p>A picture with transparent pixels is shown differently by different pages when a variant keeps its
 * transparency (WebP, PNG): laid on white (as the JPEG variants and a light page show it) light content on
 * transparent pixels vanishes, yet the WebP variant on a dark page shows it. So such a picture is also
 * kept laid on black, and moderation looks at both.
 *
 * @param jpeg       the picture to analyse, transparent pixels laid on white
 * @param jpegOnBlack the same picture laid on black when it has transparent pixels and the preset has a
 *                   variant that keeps them; null otherwise
 * @param width      its width in pixels; at the displayed picture's aspect
 * @param height     its height in pixels
 * @param cropSource the smallest picture every smart cover variant can be cut from without enlarging;
 *                   null when the preset has none
 */
public record AnalysisCopy(byte[] jpeg, byte[] jpegOnBlack, int width, int height, BufferedImage cropSource) {

    /** Rekognition's limit for image bytes in a request (its "Guidelines and quotas" page). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int QUALITY = 85;

    /**
     * Encodes the picture (already at the analysis size), and laid on black too when
     * {@code transparencyShown} (the preset has a variant that keeps transparency) and it has transparent
     * pixels, lowering the JPEG quality in steps of 15 while over {@link #MAX_BYTES}; a picture of 1600 px
     * fits at the first or second step.
     */
    static AnalysisCopy of(BufferedImage picture, BufferedImage cropSource, boolean transparencyShown) {
        byte[] onBlack = transparencyShown && hasTransparentPixels(picture)
                ? underMaxBytes(Pixels.redraw(picture, BufferedImage.TYPE_3BYTE_BGR, Color.BLACK))
                : null;
        return new AnalysisCopy(underMaxBytes(picture), onBlack, picture.getWidth(), picture.getHeight(), cropSource);
    }

    /** Whether any pixel is less than opaque; an alpha channel alone (often all 255) is not enough. */
    static boolean hasTransparentPixels(BufferedImage picture) {
        WritableRaster alpha = picture.getAlphaRaster();
        if (alpha == null) {
            return false;
        }
        int[] row = new int[alpha.getWidth()];
        int opaque = (1 << alpha.getSampleModel().getSampleSize(0)) - 1;
        for (int y = 0; y < alpha.getHeight(); y++) {
            alpha.getSamples(0, y, row.length, 1, 0, row);
            for (int sample : row) {
                if (sample < opaque) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] underMaxBytes(BufferedImage picture) {
        byte[] jpeg = Encoder.encode(picture, OutputFormat.JPEG, QUALITY, false);
        for (int quality = QUALITY - 15; jpeg.length > MAX_BYTES && quality > 0; quality -= 15) {
            jpeg = Encoder.encode(picture, OutputFormat.JPEG, quality, false);
        }
        return jpeg;
    }

    /** The size of the copy of a {@code width x height} picture whose longer side is at most {@code side}. */
    static VariantSpec.Size sizeFor(int width, int height, int side) {
        double scale = Math.min(1.0, (double) side / Math.max(width, height));
        return new VariantSpec.Size(Math.max(1, (int) Math.round(width * scale)),
                Math.max(1, (int) Math.round(height * scale)));
    }
}
