package imaging;

import java.util.Optional;

/**
 * How a JPEG's picture is laid out in scans, from a walk over its markers (lengths skipped, entropy-coded
 * data scanned for the next marker): how many scans the decoder will make a pass for, and the bytes of
 * the coefficients libjpeg keeps for the whole picture when there is more than one. The JDK's metadata
 * reader would tell the scans too, but refuses common files (an EXIF block before the JFIF one).
 *
 * @param scans            start-of-scan markers before the end of the image
 * @param coefficientBytes 64 two-byte coefficients per 8x8 block of every component, each component the
 *                         picture scaled by its sampling factors over the largest (3 bytes a pixel for
 *                         4:2:0 colour); 0 for a single scan, which libjpeg decodes a row of blocks at a time
 */
record JpegScans(int scans, long coefficientBytes) {

    private static final int SOF0 = 0xC0;
    private static final int DHT = 0xC4;
    private static final int JPG = 0xC8;
    private static final int DAC = 0xCC;
    private static final int SOF15 = 0xCF;
    private static final int RST0 = 0xD0;
    private static final int RST7 = 0xD7;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;

    /** The layout, or empty when the markers do not make a JPEG with a frame header and a scan. */
    static Optional<JpegScans> of(byte[] data) {
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != SOI) {
            return Optional.empty();
        }
        int[][] components = null;
        int width = 0;
        int height = 0;
        int scans = 0;
        int at = 2;
        while (at + 1 < data.length) {
            if ((data[at] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = data[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == EOI) {
                break;
            }
            if (marker >= RST0 && marker <= RST7 || marker == 0x01) {
                at += 2;
                continue;
            }
            if (at + 3 >= data.length) {
                return Optional.empty();
            }
            int length = (data[at + 2] & 0xFF) << 8 | data[at + 3] & 0xFF;
            int payload = at + 4;
            if (length < 2 || payload + length - 2 > data.length) {
                return Optional.empty();
            }
            if (components == null && marker >= SOF0 && marker <= SOF15 && marker != DHT && marker != JPG
                    && marker != DAC && length >= 8) {
                height = (data[payload + 1] & 0xFF) << 8 | data[payload + 2] & 0xFF;
                width = (data[payload + 3] & 0xFF) << 8 | data[payload + 4] & 0xFF;
                int count = data[payload + 5] & 0xFF;
                if (length < 8 + 3 * count) {
                    return Optional.empty();
                }
                components = new int[count][];
                for (int c = 0; c < count; c++) {
                    int factors = data[payload + 7 + 3 * c] & 0xFF;
                    components[c] = new int[] {Math.max(1, factors >> 4), Math.max(1, factors & 0x0F)};
                }
            }
            at = payload + length - 2;
            if (marker == SOS) {
                scans++;
                at = nextMarker(data, at);
            }
        }
        if (components == null || components.length == 0 || scans == 0) {
            return Optional.empty();
        }
        return Optional.of(new JpegScans(scans, scans > 1 ? coefficientBytes(components, width, height) : 0));
    }

    /** The position of the marker after entropy-coded data: an FF not followed by 00 (a stuffed FF) or RSTn. */
    private static int nextMarker(byte[] data, int from) {
        for (int at = from; at + 1 < data.length; at++) {
            if ((data[at] & 0xFF) == 0xFF) {
                int next = data[at + 1] & 0xFF;
                if (next != 0 && (next < RST0 || next > RST7)) {
                    return at;
                }
            }
        }
        return data.length;
    }

    private static long coefficientBytes(int[][] components, int width, int height) {
        int maxH = 1;
        int maxV = 1;
        for (int[] c : components) {
            maxH = Math.max(maxH, c[0]);
            maxV = Math.max(maxV, c[1]);
        }
        long bytes = 0;
        for (int[] c : components) {
            long columns = ceilDiv(ceilDiv((long) width * c[0], maxH), 8);
            long rows = ceilDiv(ceilDiv((long) height * c[1], maxV), 8);
            bytes += columns * rows * 64 * 2;
        }
        return bytes;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
