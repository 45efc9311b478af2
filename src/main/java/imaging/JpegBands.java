package imaging;

import java.awt.Rectangle;

/**
 * A large JPEG read as horizontal bands of a few megapixels, so that a 24 MP photo never sits in the
 * heap whole (72 MB as bytes): each band is decoded, handed to the downscaler row by row, and dropped.
 * The JDK decoder starts each band from the top of the file, so n bands cost about (n + 1) / 2 full
 * decodes: the price of the memory bound, paid only by pictures over {@link #THRESHOLD_PIXELS}.
 */
final class JpegBands implements BgrRows {

    /** Pictures larger than this are read in bands; smaller ones decode whole (faster). */
    static final long THRESHOLD_PIXELS = 16_000_000;
    /** Pixels per band: 18 MB of BGR bytes. */
    private static final long BAND_PIXELS = 6_000_000;

    private final ImageDecoder decoder;
    private final byte[] data;
    private final Inspection inspection;
    private final int bandRows;
    /** The band decoded last, its first row's index, and its row count (0 before the first). */
    private ImageRows band;
    private int bandStart;
    private int bandHeight;

    JpegBands(ImageDecoder decoder, byte[] data, Inspection inspection) {
        this.decoder = decoder;
        this.data = data;
        this.inspection = inspection;
        this.bandRows = (int) Math.max(16, BAND_PIXELS / inspection.width());
    }

    @Override
    public int width() {
        return inspection.width();
    }

    @Override
    public int height() {
        return inspection.height();
    }

    @Override
    public void read(int y, int[] into) {
        if (y < bandStart || y >= bandStart + bandHeight) {
            band = null; // let the last band go before the next is decoded: one band in the heap at a time
            bandHeight = Math.min(bandRows, inspection.height() - y);
            bandStart = y;
            try {
                band = new ImageRows(ImageDecoder.toSrgb(decoder.read(data, inspection,
                        new Rectangle(0, y, inspection.width(), bandHeight))), new Rectangle(0, 0, width(), bandHeight));
            } catch (ImageRejectedException e) {
                throw new Rejected(e);
            }
        }
        band.read(y - bandStart, into);
    }

    /** Carries a band's rejection through the downscaler, which has no checked exceptions. */
    static final class Rejected extends RuntimeException {
        Rejected(ImageRejectedException cause) {
            super(cause);
        }

        ImageRejectedException rejection() {
            return (ImageRejectedException) getCause();
        }
    }
}
