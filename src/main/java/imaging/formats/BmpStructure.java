package imaging.formats;

import imaging.ImageFormat;
import imaging.ImageRejectedException;
import imaging.Inspection;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.util.Arrays;

/**
 * Reads a BMP's headers (Microsoft's BITMAPINFOHEADER family), never its pixels: header size, width,
 * height (negative: top-down), bits per pixel, compression, the colour table and the pixel data's
 * place in the file. Embedded JPEG or PNG pictures (BI_JPEG, BI_PNG) are refused as
 * {@code unsupported-format}: they are meant for printer drivers, no browser shows them, and the JDK's
 * reader allocates the size their header claims before reading it. RLE data is stepped through up to
 * its end-of-bitmap code, so a cut file is {@code truncated}.
 */
final class BmpStructure {

    private static final int BI_RGB = 0;
    private static final int BI_RLE8 = 1;
    private static final int BI_RLE4 = 2;
    private static final int BI_BITFIELDS = 3;
    /** bV5CSType values: the profile embedded in the file, and plain sRGB. */
    private static final long PROFILE_EMBEDDED = 0x4D424544L;
    private static final long LCS_SRGB = 0x73524742L;
    private static final String HEADER = "its bitmap header";
    private static final String RLE = "its RLE data";

    private BmpStructure() {
    }

    static Inspection read(byte[] data, Budget budget) throws ImageRejectedException {
        Bytes in = new Bytes(data, "BMP", true);
        long pixelsAt = in.u32(10, "the file header");
        long headerSize = in.u32(14, "the bitmap header");
        if (headerSize == 64 || headerSize == 16) {
            throw budget.unsupported("OS/2 2.x bitmap");
        }
        if (headerSize != 12 && headerSize != 40 && headerSize != 52 && headerSize != 56 && headerSize != 108
                && headerSize != 124) {
            throw budget.corrupt("its bitmap header is %,d bytes long".formatted(headerSize));
        }
        in.require(14, headerSize, "its bitmap header");
        boolean core = headerSize == 12;
        long width = core ? in.u16(18, HEADER) : (int) in.u32(18, HEADER);
        long height = core ? in.u16(20, HEADER) : (int) in.u32(22, HEADER);
        int bitsPerPixel = in.u16(core ? 24 : 28, HEADER);
        long compression = core ? BI_RGB : in.u32(30, HEADER);
        long imageSize = core ? 0 : in.u32(34, HEADER);
        long coloursUsed = core ? 0 : in.u32(46, HEADER);
        if (width <= 0 || height == 0 || height == Integer.MIN_VALUE || core && (width > 32767 || height > 32767)) {
            throw budget.corrupt("its header declares %dx%d pixels".formatted(width, height));
        }
        boolean topDown = height < 0;
        height = Math.abs(height);
        budget.canvas(width, height);
        checkCoding(compression, bitsPerPixel, topDown, budget);
        long masks = headerSize == 40 && compression == BI_BITFIELDS ? 12 : 0;
        long tableAt = 14 + headerSize + masks;
        if (pixelsAt < tableAt) {
            throw budget.corrupt("its pixel data would start at byte %,d, inside its headers".formatted(pixelsAt));
        }
        if (pixelsAt > data.length) {
            throw budget.truncated("its pixel data would start at byte %,d, the file has %,d".formatted(pixelsAt,
                    data.length));
        }
        if (bitsPerPixel <= 8 && (pixelsAt - tableAt) / (core ? 3 : 4) < 1) {
            throw budget.corrupt("it has %d bits per pixel but no colour table".formatted(bitsPerPixel));
        }
        // The JDK's reader reads a bit-fields file's colour table by this count (4 bytes an entry).
        if (coloursUsed * 4 > pixelsAt - tableAt) {
            throw budget.corrupt("its colour table of %,d entries does not fit before its pixel data".formatted(
                    coloursUsed));
        }
        if (compression == BI_RLE8 || compression == BI_RLE4) {
            long end = imageSize > 0 ? pixelsAt + imageSize : data.length;
            if (end > data.length) {
                throw budget.truncated("its RLE data runs to byte %,d, the file has %,d".formatted(end, data.length));
            }
            stepThroughRle(in, pixelsAt, end, compression == BI_RLE8, budget);
        } else {
            long rowBytes = (width * bitsPerPixel + 31) / 32 * 4;
            if (pixelsAt + rowBytes * height > data.length) {
                throw budget.truncated("its %,d rows of %,d bytes run to byte %,d, the file has %,d".formatted(height,
                        rowBytes, pixelsAt + rowBytes * height, data.length));
            }
        }
        return new Inspection(ImageFormat.BMP, (int) width, (int) height, data.length);
    }

    private static void checkCoding(long compression, int bitsPerPixel, boolean topDown, Budget budget)
            throws ImageRejectedException {
        switch ((int) Math.min(compression, Integer.MAX_VALUE)) {
            case 4 -> throw budget.unsupported("BMP holding a JPEG picture (BI_JPEG)");
            case 5 -> throw budget.unsupported("BMP holding a PNG picture (BI_PNG)");
            case 6 -> throw budget.unsupported("BMP with alpha bit fields (BI_ALPHABITFIELDS)");
            case 11, 12, 13 -> throw budget.unsupported("CMYK BMP");
            case BI_RGB, BI_RLE8, BI_RLE4, BI_BITFIELDS -> {
                // checked below
            }
            default -> throw budget.corrupt("its compression is %d".formatted(compression));
        }
        if (bitsPerPixel != 1 && bitsPerPixel != 4 && bitsPerPixel != 8 && bitsPerPixel != 16 && bitsPerPixel != 24
                && bitsPerPixel != 32) {
            throw budget.unsupported("BMP with %d bits per pixel".formatted(bitsPerPixel));
        }
        boolean fits = switch ((int) compression) {
            case BI_RLE8 -> bitsPerPixel == 8 && !topDown;
            case BI_RLE4 -> bitsPerPixel == 4 && !topDown;
            case BI_BITFIELDS -> bitsPerPixel == 16 || bitsPerPixel == 32;
            default -> true;
        };
        if (!fits) {
            throw budget.corrupt("its compression %d does not go with %d bits per pixel%s".formatted(compression,
                    bitsPerPixel, topDown ? " top-down" : ""));
        }
    }

    /** RLE4/RLE8 codes, from the pixel data up to the end-of-bitmap code (00 01). */
    private static void stepThroughRle(Bytes in, long pos, long end, boolean rle8, Budget budget)
            throws ImageRejectedException {
        while (true) {
            if (pos + 2 > end) {
                throw budget.truncated("its RLE data stops before the end-of-bitmap code");
            }
            int count = in.u8(pos, RLE);
            int code = in.u8(pos + 1, RLE);
            pos += 2;
            if (count > 0 || code == 0) {
                continue; // a run, or an end of line
            }
            if (code == 1) {
                return;
            }
            if (code == 2) {
                pos += 2; // a move
            } else {
                long bytes = rle8 ? code : (code + 1) / 2; // literal pixels, padded to an even length
                pos += bytes + (bytes & 1);
            }
        }
    }

    /**
     * The bytes the decoder should read: the file itself, or, when a BITMAPV5HEADER embeds a colour
     * profile that cannot be used (outside the file, or not a profile the colour system accepts), a
     * copy that declares sRGB instead: the JDK's reader would fail on it, and an unusable profile is
     * ignored, as in every other format.
     */
    static byte[] forDecoder(byte[] data) {
        Bytes in = new Bytes(data, "BMP", true);
        try {
            if (in.u32(14, HEADER) != 124 || in.u32(14 + 56, HEADER) != PROFILE_EMBEDDED) {
                return data;
            }
            long at = 14 + in.u32(14 + 112, HEADER);
            long size = in.u32(14 + 116, HEADER);
            if (in.has(at, size) && usable(Arrays.copyOfRange(data, (int) at, (int) (at + size)))) {
                return data;
            }
        } catch (ImageRejectedException e) {
            return data;
        }
        byte[] copy = data.clone();
        copy[14 + 56] = (byte) LCS_SRGB;
        copy[14 + 57] = (byte) (LCS_SRGB >> 8);
        copy[14 + 58] = (byte) (LCS_SRGB >> 16);
        copy[14 + 59] = (byte) (LCS_SRGB >> 24);
        return copy;
    }

    /** Whether the colour system takes the profile and converts with it (the check the JDK's TIFF reader makes). */
    private static boolean usable(byte[] profile) {
        try {
            ColorSpace space = new ICC_ColorSpace(ICC_Profile.getInstance(profile));
            space.toRGB(new float[space.getNumComponents()]);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
