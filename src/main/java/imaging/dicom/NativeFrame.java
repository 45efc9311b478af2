package imaging.dicom;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * One frame of native (uncompressed) samples turned into 8-bit BGR, the layout the renderer takes: grey
 * through a table holding the level of every possible stored value, RGB copied as it is.
 */
final class NativeFrame {

    private final byte[] data;
    private final int offset;
    private final boolean bigEndian;
    /** 8-bit samples of an OW value in a big-endian dataset come swapped in pairs (PS3.5 A.3). */
    private final boolean swappedPairs;
    private final SampleFormat format;
    private final int shift;
    private final int mask;
    private final int signBit;

    NativeFrame(byte[] data, int offset, boolean bigEndian, boolean swappedPairs, SampleFormat format) {
        this.data = data;
        this.offset = offset;
        this.bigEndian = bigEndian;
        this.swappedPairs = swappedPairs;
        this.format = format;
        this.shift = format.highBit() + 1 - format.bitsStored();
        this.mask = (1 << format.bitsStored()) - 1;
        this.signBit = format.signed() ? 1 << (format.bitsStored() - 1) : 0;
    }

    /** The grey frame at the levels {@code greyscale} gives. */
    BufferedImage grey(int columns, int rows, Greyscale greyscale) {
        int pixels = columns * rows;
        Window shown = greyscale.window() != null ? greyscale.window() : range(pixels, greyscale);
        byte[] table = greyscale.table(format, shown);
        int min = format.minStored();
        BufferedImage out = new BufferedImage(columns, rows, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0, o = 0; i < pixels; i++, o += 3) {
            byte level = table[stored(i) - min];
            bgr[o] = level;
            bgr[o + 1] = level;
            bgr[o + 2] = level;
        }
        return out;
    }

    /** The 8-bit RGB frame, interleaved or planar. */
    BufferedImage rgb(int columns, int rows) {
        int pixels = columns * rows;
        BufferedImage out = new BufferedImage(columns, rows, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        boolean planar = format.planar();
        for (int i = 0, o = 0; i < pixels; i++, o += 3) {
            int r = planar ? i : 3 * i;
            int step = planar ? pixels : 1;
            bgr[o] = byteAt(r + 2 * step);
            bgr[o + 1] = byteAt(r + step);
            bgr[o + 2] = byteAt(r);
        }
        return out;
    }

    /** The window spanning the frame's lowest to highest value. */
    private Window range(int pixels, Greyscale greyscale) {
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (int i = 0; i < pixels; i++) {
            int v = stored(i);
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        return greyscale.stretch(low, high);
    }

    /** Sample {@code index}'s stored value: its bits masked and shifted down, sign-extended when signed. */
    private int stored(int index) {
        int raw;
        if (format.bytesPerSample() == 1) {
            raw = byteAt(index) & 0xFF;
        } else {
            int at = offset + 2 * index;
            int b0 = data[at] & 0xFF;
            int b1 = data[at + 1] & 0xFF;
            raw = bigEndian ? b0 << 8 | b1 : b1 << 8 | b0;
        }
        int value = (raw >>> shift) & mask;
        return (value & signBit) != 0 ? value - (mask + 1) : value;
    }

    private byte byteAt(int index) {
        return data[offset + (swappedPairs ? index ^ 1 : index)];
    }
}
