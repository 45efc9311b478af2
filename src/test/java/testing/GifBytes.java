package testing;

import java.io.ByteArrayOutputStream;

/**
 * Hand-made GIF files: a logical screen with a 128-colour global table and frames of one colour each,
 * placed anywhere (LZW minimum code size 7). {@link #frame} sends every pixel as a literal 8-bit code and
 * clears the table before codes would widen; {@link #solidFrame} codes ever longer runs, for frames of
 * any size in little data.
 */
public final class GifBytes {

    private final Bin out = Bin.little();

    private GifBytes(int screenWidth, int screenHeight, int[] palette) {
        out.ascii("GIF89a").u16(screenWidth).u16(screenHeight).u8(0x80 | 0x70 | 6, 0, 0);
        for (int i = 0; i < 128; i++) {
            int rgb = i < palette.length ? palette[i] : 0;
            out.u8(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
        }
    }

    /** A screen with the given colours (0xRRGGBB) first in its 128-entry global table. */
    public static GifBytes screen(int width, int height, int... palette) {
        return new GifBytes(width, height, palette);
    }

    /** A graphic control extension making {@code index} transparent in the next frame. */
    public GifBytes transparent(int index) {
        out.u8(0x21, 0xF9, 4, 0x01).u16(10).u8(index, 0);
        return this;
    }

    /** A frame of {@code colour} (a palette index) at (x, y). */
    public GifBytes frame(int x, int y, int width, int height, int colour) {
        out.u8(0x2C).u16(x).u16(y).u16(width).u16(height).u8(0);
        out.u8(7).bytes(subBlocks(lzw(width * height, colour))).u8(0);
        return this;
    }

    /**
     * A frame of one colour, however large, in little data: LZW codes for ever longer runs of the colour
     * (each new table entry is the last plus one pixel), then the longest entry over and over once the
     * table is full, then the rest.
     */
    public GifBytes solidFrame(int x, int y, int width, int height, int colour) {
        out.u8(0x2C).u16(x).u16(y).u16(width).u16(height).u8(0);
        Codes codes = new Codes();
        int clear = 128;
        codes.write(clear);
        codes.write(colour);
        long left = (long) width * height - 1;
        int next = clear + 2; // entry k, once made, holds k - 128 pixels of the colour
        while (left > 0) {
            long run;
            int code;
            if (next < 4096 && left >= next - clear) {
                run = next - clear; // the entry about to be made: the last run plus one pixel
                code = next;
            } else {
                run = Math.min(left, Math.max(1, Math.min(next, 4096) - 1 - clear));
                code = run == 1 ? colour : (int) (clear + run);
            }
            codes.write(code);
            if (next < 4096) {
                next++;
                codes.grow(next);
            }
            left -= run;
        }
        codes.write(clear + 1);
        out.u8(7).bytes(subBlocks(codes.bytes())).u8(0);
        return this;
    }

    /** A frame's descriptor only, with the given LZW minimum code size and one empty data block chain. */
    public GifBytes descriptor(int x, int y, int width, int height, int codeSize) {
        out.u8(0x2C).u16(x).u16(y).u16(width).u16(height).u8(0).u8(codeSize, 0);
        return this;
    }

    public GifBytes raw(int... bytes) {
        out.u8(bytes);
        return this;
    }

    public GifBytes trailer() {
        out.u8(0x3B);
        return this;
    }

    public byte[] bytes() {
        return out.toBytes();
    }

    /** Clear, then each pixel as a literal code of 8 bits, a clear every 120 codes, then end of information. */
    private static byte[] lzw(int pixels, int colour) {
        Codes bits = new Codes();
        int clear = 128;
        bits.write(clear);
        for (int i = 0; i < pixels; i++) {
            if (i > 0 && i % 120 == 0) {
                bits.write(clear);
            }
            bits.write(colour);
        }
        bits.write(clear + 1);
        return bits.bytes();
    }

    private static byte[] subBlocks(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < data.length; at += 255) {
            int length = Math.min(255, data.length - at);
            out.write(length);
            out.write(data, at, length);
        }
        return out.toByteArray();
    }

    /** Variable-width codes from 8 bits up to 12, least significant bit first, as GIF packs them. */
    private static final class Codes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long bits;
        private int count;
        private int size = 8;

        void write(int code) {
            bits |= (long) code << count;
            count += size;
            while (count >= 8) {
                out.write((int) (bits & 0xFF));
                bits >>>= 8;
                count -= 8;
            }
        }

        /** The decoder widens codes once the next free entry needs another bit. */
        void grow(int next) {
            if (next == 1 << size && size < 12) {
                size++;
            }
        }

        byte[] bytes() {
            if (count > 0) {
                out.write((int) (bits & 0xFF));
            }
            return out.toByteArray();
        }
    }
}
