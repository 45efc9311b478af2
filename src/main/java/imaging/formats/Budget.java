package imaging.formats;

import imaging.ImageRejectedException;
import imaging.Limits;
import imaging.RejectReason;

/**
 * The limits as the structure readers apply them, with messages that name what was too big: each size
 * is checked, in 64-bit arithmetic, as soon as it is read and before anything is allocated for it.
 */
final class Budget {

    private final Limits limits;
    private final String format;

    Budget(Limits limits, String format) {
        this.limits = limits;
        this.format = format;
    }

    /** The picture's own size: positive, and within the pixel limit. */
    void canvas(long width, long height) throws ImageRejectedException {
        positive("picture", width, height);
        long pixels = width * height;
        if (pixels > limits.maxPixels()) {
            throw new ImageRejectedException(RejectReason.TOO_MANY_PIXELS, "%dx%d = %s, the limit is %s"
                    .formatted(width, height, amount(pixels, limits.maxPixels()), amount(limits.maxPixels(), pixels)));
        }
    }

    /** A frame, tile or embedded picture the decoder allocates on its own (named by {@code what}). */
    void part(String what, long width, long height) throws ImageRejectedException {
        positive(what, width, height);
        long pixels = width * height;
        if (pixels > limits.maxPixels()) {
            throw new ImageRejectedException(RejectReason.TOO_MANY_PIXELS, "The %s %s is %dx%d = %s, the limit is %s"
                    .formatted(format, what, width, height, amount(pixels, limits.maxPixels()),
                            amount(limits.maxPixels(), pixels)));
        }
    }

    private void positive(String what, long width, long height) throws ImageRejectedException {
        if (width <= 0 || height <= 0) {
            throw corrupt("its %s is %dx%d pixels".formatted(what, width, height));
        }
    }

    /**
     * A JPEG's scan count against the limit, and the decoding work its scans stand for: each scan of a
     * progressive JPEG is a pass over the whole picture, so scans x pixels may be at most
     * {@link Limits#maxJpegScanPixels()} (a file of many scans over a large picture can stay under the scan
     * count and still take the whole time limit).
     */
    void scans(int scans, boolean progressive, long width, long height) throws ImageRejectedException {
        String kind = progressive ? "progressive " : "";
        if (scans > limits.maxJpegScans()) {
            throw new ImageRejectedException(RejectReason.TOO_COMPLEX,
                    "The %sJPEG has more than %d scans, the limit: each scan is a pass over the whole picture"
                            .formatted(kind, limits.maxJpegScans()));
        }
        if (scans > 1 && scans * width * height > limits.maxJpegScanPixels()) {
            throw new ImageRejectedException(RejectReason.TOO_COMPLEX, ("The %sJPEG has at least %d scans over %dx%d "
                    + "pixels: each scan is a pass over the whole picture, and scans x pixels may be at most %,d")
                    .formatted(kind, scans, width, height, limits.maxJpegScanPixels()));
        }
    }

    ImageRejectedException corrupt(String detail) {
        return new ImageRejectedException(RejectReason.CORRUPT, "The %s file is damaged: %s".formatted(format, detail));
    }

    ImageRejectedException unsupported(String coding) {
        return new ImageRejectedException(RejectReason.UNSUPPORTED_FORMAT,
                "%s cannot be decoded here".formatted(coding));
    }

    ImageRejectedException truncated(String detail) {
        return new ImageRejectedException(RejectReason.TRUNCATED,
                "The %s file ends early: %s".formatted(format, detail));
    }

    /** Megapixels, or exact pixels where both figures would round to the same megapixels. */
    private static String amount(long pixels, long other) {
        return Math.round(pixels / 1e6) == Math.round(other / 1e6) ? "%,d px".formatted(pixels)
                : "%d Mpx".formatted(Math.round(pixels / 1e6));
    }
}
