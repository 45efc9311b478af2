package testing;

import java.io.ByteArrayOutputStream;

/**
 * A grey progressive JPEG of many near-empty scans (ITU-T T.81, annex G): a DC scan, then per AC band one
 * first scan and successive-approximation refinements, every one coded as end-of-band runs. Each scan
 * costs the decoder a pass over the whole picture while the file stays small (9000x9000 with 253 scans is
 * about 195 KB): the shape of an input that stays under a scan-count limit and still takes minutes.
 */
public final class ProgressiveScans {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long bitBuffer;
    private int bitCount;

    private ProgressiveScans() {
    }

    /** {@code 1 + bands x stages} scans over a {@code width x height} grey picture. */
    public static byte[] of(int width, int height, int bands, int stages) {
        return new ProgressiveScans().write(width, height, bands, stages);
    }

    private byte[] write(int width, int height, int bands, int stages) {
        u16(0xFFD8);
        u16(0xFFDB);
        u16(67);
        out.write(0);
        for (int i = 0; i < 64; i++) {
            out.write(1);
        }
        u16(0xFFC2);
        u16(11);
        out.write(8);
        u16(height);
        u16(width);
        out.write(1);
        out.write(1);
        out.write(0x11);
        out.write(0);
        // DC table: one code (0) for category 0; AC table: codes for the end-of-band runs EOB0..EOB14
        u16(0xFFC4);
        u16(3 + 16 + 1);
        out.write(0x00);
        out.write(1);
        for (int i = 1; i < 16; i++) {
            out.write(0);
        }
        out.write(0);
        u16(0xFFC4);
        u16(3 + 16 + 15);
        out.write(0x10);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(15);
        for (int i = 4; i < 16; i++) {
            out.write(0);
        }
        for (int run = 0; run < 15; run++) {
            out.write(run << 4);
        }
        long blocks = (long) ((width + 7) / 8) * ((height + 7) / 8);
        scanHeader(0, 0, 0, 0);
        for (long i = 0; i < blocks; i++) {
            bits(0, 1);
        }
        flush();
        for (int band = 1; band <= bands; band++) {
            int low = stages - 1;
            scanHeader(band, band, 0, low);
            endOfBandRuns(blocks);
            for (int high = low; high > 0; high--) {
                scanHeader(band, band, high, high - 1);
                endOfBandRuns(blocks);
            }
        }
        u16(0xFFD9);
        return out.toByteArray();
    }

    private void scanHeader(int start, int end, int high, int low) {
        u16(0xFFDA);
        u16(8);
        out.write(1);
        out.write(1);
        out.write(0x00);
        out.write(start);
        out.write(end);
        out.write((high << 4) | low);
    }

    private void endOfBandRuns(long blocks) {
        for (long left = blocks; left > 0; ) {
            long run = Math.min(left, 32767);
            int category = 63 - Long.numberOfLeadingZeros(run);
            bits(category, 4);
            if (category > 0) {
                bits(run - (1L << category), category);
            }
            left -= run;
        }
        flush();
    }

    private void bits(long value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            bitBuffer = (bitBuffer << 1) | ((value >> i) & 1);
            if (++bitCount == 8) {
                int b = (int) (bitBuffer & 0xFF);
                out.write(b);
                if (b == 0xFF) {
                    out.write(0);
                }
                bitBuffer = 0;
                bitCount = 0;
            }
        }
    }

    private void flush() {
        while (bitCount != 0) {
            bits(1, 1);
        }
    }

    private void u16(int value) {
        out.write(value >> 8);
        out.write(value);
    }
}
