package imaging.formats;

import imaging.Area;
import imaging.ImageFormat;
import imaging.ImageRejectedException;
import imaging.Inspection;
import java.util.Arrays;

/**
 * Reads a GIF's blocks from the header to the trailer (GIF89a specification), never its pixels: the
 * logical screen, the colour tables' sizes, and every image descriptor up to {@link #MAX_FRAMES} (size
 * against the pixel limit, LZW minimum code size), stepping over each data sub-block chain. A file that
 * stops before the trailer, or a first frame whose LZW data yields fewer pixels than the frame has, is
 * {@code truncated}.
 */
final class GifStructure {

    /** Descriptors checked before the walk stops: only the first frame is decoded. */
    static final int MAX_FRAMES = 10_000;

    private GifStructure() {
    }

    static Inspection read(byte[] data, Budget budget) throws ImageRejectedException {
        Bytes in = new Bytes(data, "GIF", true);
        int screenWidth = in.u16(6, "the logical screen descriptor");
        int screenHeight = in.u16(8, "the logical screen descriptor");
        int flags = in.u8(10, "the logical screen descriptor");
        if (screenWidth > 0 && screenHeight > 0) {
            budget.canvas(screenWidth, screenHeight);
        }
        long pos = 13 + colourTable(flags);
        in.require(13, pos - 13, "its global colour table");
        Area first = null;
        int frames = 0;
        while (frames < MAX_FRAMES) {
            int block = in.u8(pos, "its blocks (no trailer)");
            if (block == 0x3B) {
                break;
            } else if (block == 0x21) {
                in.u8(pos + 1, "an extension");
                pos = subBlocks(in, pos + 2, "an extension");
            } else if (block == 0x2C) {
                frames++;
                String name = "frame " + frames;
                int x = in.u16(pos + 1, "an image descriptor");
                int y = in.u16(pos + 3, "an image descriptor");
                int width = in.u16(pos + 5, "an image descriptor");
                int height = in.u16(pos + 7, "an image descriptor");
                int imageFlags = in.u8(pos + 9, "an image descriptor");
                budget.part(name, width, height);
                pos += 10 + colourTable(imageFlags);
                int codeSize = in.u8(pos, "the image data of " + name);
                // The JDK's GIFImageReader takes 1-8 ("Bad code size"); 8 bits a pixel is GIF's most.
                if (codeSize < 1 || codeSize > 8) {
                    throw budget.corrupt("%s has LZW minimum code size %d".formatted(name, codeSize));
                }
                if (first == null) {
                    first = new Area(x, y, width, height);
                    long pixels = lzwPixels(in, pos + 1, codeSize, first.pixels());
                    if (pixels < first.pixels()) {
                        throw budget.truncated("the image data of %s stops after %,d of its %,d pixels".formatted(name,
                                pixels, first.pixels()));
                    }
                }
                pos = subBlocks(in, pos + 1, "the image data of " + name);
            } else {
                throw budget.corrupt("byte %,d starts an unknown block (0x%02X)".formatted(pos, block));
            }
        }
        if (first == null) {
            throw budget.corrupt("it has no image");
        }
        if (screenWidth == 0 || screenHeight == 0) {
            // As browsers do: a screen of no size is taken from the first frame.
            screenWidth = Math.max(screenWidth, first.x() + first.width());
            screenHeight = Math.max(screenHeight, first.y() + first.height());
            budget.canvas(screenWidth, screenHeight);
        }
        // The decoder reads only the part of the first frame that lies on the screen.
        Area visible = Area.of(Math.max(0, Math.min(first.width(), screenWidth - first.x())),
                Math.max(0, Math.min(first.height(), screenHeight - first.y())));
        return new Inspection(ImageFormat.GIF, screenWidth, screenHeight, data.length, first, visible, frames,
                frames > 1, 0, null, 0);
    }

    /**
     * How many pixels the LZW data from {@code pos} (a sub-block chain) yields before its end code, or
     * before it runs out, counting at most {@code wanted}: string lengths only, no pixel is produced.
     * The JDK's decoder takes data that runs out as the end and leaves the rest of the frame blank.
     * Codes are read as the JDK's GIFImageReader reads them (variable width, deferred growth, 12 bits).
     */
    private static long lzwPixels(Bytes in, long pos, int minCodeSize, long wanted) throws ImageRejectedException {
        int clear = 1 << minCodeSize;
        int end = clear + 1;
        int[] length = new int[4096];
        Arrays.fill(length, 1);
        int next = clear + 2;
        int size = minCodeSize + 1;
        int previous = -1;
        long produced = 0;
        long bits = 0;
        int bitCount = 0;
        int blockLeft = in.u8(pos, "the image data of frame 1");
        long at = pos + 1;
        while (produced < wanted) {
            while (bitCount < size) {
                if (blockLeft == 0) {
                    return produced; // the data runs out before the end code
                }
                bits |= (long) in.u8(at++, "the image data of frame 1") << bitCount;
                bitCount += 8;
                if (--blockLeft == 0) {
                    blockLeft = in.u8(at++, "the image data of frame 1");
                }
            }
            int code = (int) (bits & ((1 << size) - 1));
            bits >>>= size;
            bitCount -= size;
            if (code == clear) {
                next = clear + 2;
                size = minCodeSize + 1;
                previous = -1;
                continue;
            }
            if (code == end) {
                break;
            }
            int codeLength = code < next ? length[code] : code == next && previous >= 0 ? length[previous] + 1 : 1;
            if (previous >= 0 && next < 4096) {
                length[next] = length[previous] + 1;
                next++;
                if (next == 1 << size && size < 12) {
                    size++;
                }
            }
            produced += codeLength;
            previous = code;
        }
        return produced;
    }

    /** Bytes of the colour table the flags announce (3 x 2^(n+1)), or 0. */
    private static int colourTable(int flags) {
        return (flags & 0x80) == 0 ? 0 : 3 << ((flags & 0x07) + 1);
    }

    /** Steps over a chain of data sub-blocks (each a length byte and that many bytes, ended by 0). */
    private static long subBlocks(Bytes in, long pos, String what) throws ImageRejectedException {
        while (true) {
            int length = in.u8(pos, what);
            if (length == 0) {
                return pos + 1;
            }
            in.require(pos + 1, length, what);
            pos += 1 + length;
        }
    }
}
