package imaging.formats;

import imaging.Area;
import imaging.ImageFormat;
import imaging.ImageRejectedException;
import imaging.Inspection;
import imaging.RejectReason;
import imaging.Span;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a TIFF's first directory (TIFF 6.0) and what the decoder will take from it, never its pixels:
 * size, samples, bits, compression and photometric interpretation (those the JDK's TIFF reader cannot
 * decode are {@code unsupported-format}, named), every strip or tile (its size against the limits, its
 * bytes inside the file, and for JPEG compression its own frame header). Only page 0 is rendered; the
 * chain of page directories is walked without recursion, up to {@link #MAX_PAGES}, with loop detection.
 */
final class TiffStructure {

    /** Page directories counted before the walk stops. */
    static final int MAX_PAGES = 1024;
    /** Entries a first directory may list; real files have a few dozen. */
    static final int MAX_ENTRIES = 4096;
    /** Samples per pixel decoded here: colour, alpha and a few extra samples. */
    static final int MAX_SAMPLES = 8;
    /** A tile may overhang the picture by padding up to this side (libtiff's default tile is 256). */
    static final int MAX_OVERHANGING_TILE = 1024;

    private static final int IMAGE_WIDTH = 256;
    private static final int IMAGE_LENGTH = 257;
    private static final int BITS_PER_SAMPLE = 258;
    private static final int COMPRESSION = 259;
    private static final int PHOTOMETRIC = 262;
    private static final int STRIP_OFFSETS = 273;
    private static final int SAMPLES_PER_PIXEL = 277;
    private static final int ROWS_PER_STRIP = 278;
    private static final int STRIP_BYTE_COUNTS = 279;
    private static final int PLANAR_CONFIGURATION = 284;
    private static final int TILE_WIDTH = 322;
    private static final int TILE_LENGTH = 323;
    private static final int TILE_OFFSETS = 324;
    private static final int TILE_BYTE_COUNTS = 325;
    private static final int SAMPLE_FORMAT = 339;
    private static final int YCBCR_SUBSAMPLING = 530;
    private static final int YCBCR = 6;

    private static final int COMPRESSION_NONE = 1;
    private static final int COMPRESSION_OLD_JPEG = 6;
    private static final int COMPRESSION_JPEG = 7;

    /** One directory entry: where its value (inline or pointed to) starts. */
    private record Entry(int tag, int type, long count, long value) {
    }

    private TiffStructure() {
    }

    static Inspection read(byte[] data, Budget budget) throws ImageRejectedException {
        Bytes in = new Bytes(data, "TIFF", data[0] == 'I');
        int magic = in.u16(2, "the header");
        if (magic == 43) {
            throw budget.unsupported("BigTIFF");
        }
        long first = in.u32(4, "the header");
        if (first < 8 || first + 2 > data.length) {
            throw first < 8 ? budget.corrupt("its first directory is at byte %,d".formatted(first))
                    : budget.truncated("its first directory would be at byte %,d".formatted(first));
        }
        Map<Integer, Entry> entries = directory(in, first, budget);
        long width = scalar(in, entries, IMAGE_WIDTH, -1);
        long height = scalar(in, entries, IMAGE_LENGTH, -1);
        if (width < 0 || height < 0) {
            throw budget.corrupt("its first directory has no ImageWidth or ImageLength");
        }
        budget.canvas(width, height);
        int compression = (int) scalar(in, entries, COMPRESSION, COMPRESSION_NONE);
        checkCompression(compression, budget);
        int photometric = (int) scalar(in, entries, PHOTOMETRIC, -1);
        checkPhotometric(photometric, budget);
        long samples = scalar(in, entries, SAMPLES_PER_PIXEL, 1);
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw budget.unsupported("TIFF with %d samples per pixel".formatted(samples));
        }
        int[] bits = bits(in, entries, (int) samples, budget);
        if (scalar(in, entries, SAMPLE_FORMAT, 1) == 3) {
            throw budget.unsupported("TIFF with floating-point samples");
        }
        long planar = scalar(in, entries, PLANAR_CONFIGURATION, 1);
        if (planar != 1 && planar != 2) {
            throw budget.corrupt("its PlanarConfiguration is %d".formatted(planar));
        }
        int bitsPerPixel = 0;
        for (int b : bits) {
            bitsPerPixel += b;
        }
        // The decoded picture is one Java array of samples, and a row's bits are an int in the decoder.
        if (width * height * samples > Integer.MAX_VALUE || width * bitsPerPixel > Integer.MAX_VALUE - 7) {
            throw new ImageRejectedException(RejectReason.TOO_MANY_PIXELS,
                    "The TIFF is %dx%d with %d samples of %d bits, more than the decoder can hold in one picture"
                            .formatted(width, height, samples, bitsPerPixel / samples));
        }
        Pieces pieces = pieces(in, entries, width, height, planar == 2 ? (int) samples : 1, (int) samples, budget);
        int[] chroma = photometric == YCBCR && planar == 1 ? chromaSubsampling(in, entries) : null;
        checkPieces(in, pieces, compression, planar == 2 ? bits[0] : bitsPerPixel, chroma, budget);
        int pages = pages(in, first);
        return new Inspection(ImageFormat.TIFF, (int) width, (int) height, data.length,
                Area.of((int) width, (int) height), pieces.size(), pages, false, 0, new Span(0, data.length), 0);
    }

    /** The entries of the directory at {@code at} (the last of a repeated tag wins, as in the decoder). */
    private static Map<Integer, Entry> directory(Bytes in, long at, Budget budget) throws ImageRejectedException {
        int count = in.u16(at, "its first directory");
        if (count == 0 || count > MAX_ENTRIES) {
            throw budget.corrupt("its first directory lists %,d entries".formatted(count));
        }
        in.require(at + 2, 12L * count + 4, "its first directory");
        Map<Integer, Entry> entries = new HashMap<>();
        long values = 0;
        for (int i = 0; i < count; i++) {
            long e = at + 2 + 12L * i;
            int tag = in.u16(e, "an entry");
            int type = in.u16(e + 2, "an entry");
            long n = in.u32(e + 4, "an entry");
            int size = typeSize(type);
            if (size == 0) {
                continue; // unknown types are skipped, as the decoder does
            }
            long bytes = n * size;
            long value = bytes <= 4 ? e + 8 : in.u32(e + 8, "an entry");
            if (bytes > 4 && in.has(value, bytes)) {
                values += bytes; // the decoder skips values outside the file
            }
            entries.put(tag, new Entry(tag, type, n, value));
        }
        // The decoder reads every value into arrays (a LONG as 8 bytes): values that add up to more than the
        // file, by pointing at the same bytes again and again, would make it allocate far more than it holds.
        if (values > in.length()) {
            throw budget.corrupt("the values of its first directory add up to %,d bytes, more than the file's %,d"
                    .formatted(values, in.length()));
        }
        return entries;
    }

    private static int typeSize(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11, 13 -> 4;
            case 5, 10, 12 -> 8;
            default -> 0;
        };
    }

    /** Value {@code index} of an integer entry (BYTE, SHORT or LONG), read from the file. */
    private static long value(Bytes in, Entry entry, long index, String what) throws ImageRejectedException {
        return switch (entry.type()) {
            case 1 -> in.u8(entry.value() + index, what);
            case 3 -> in.u16(entry.value() + 2 * index, what);
            case 4, 13 -> in.u32(entry.value() + 4 * index, what);
            default -> throw new ImageRejectedException(RejectReason.CORRUPT,
                    "The TIFF file is damaged: tag %d has value type %d, not an integer".formatted(entry.tag(),
                            entry.type()));
        };
    }

    private static long scalar(Bytes in, Map<Integer, Entry> entries, int tag, long absent)
            throws ImageRejectedException {
        Entry entry = entries.get(tag);
        return entry == null || entry.count() == 0 ? absent : value(in, entry, 0, "the value of tag " + tag);
    }

    private static int[] bits(Bytes in, Map<Integer, Entry> entries, int samples, Budget budget)
            throws ImageRejectedException {
        Entry entry = entries.get(BITS_PER_SAMPLE);
        int[] bits = new int[samples];
        for (int s = 0; s < samples; s++) {
            // Too few values: the decoder repeats the first, as here.
            long b = entry == null ? 1 : value(in, entry, entry.count() >= samples ? s : 0, "BitsPerSample");
            if (b != 1 && b != 2 && b != 4 && b != 8 && b != 16) {
                throw budget.unsupported("TIFF with %d-bit samples".formatted(b));
            }
            bits[s] = (int) b;
        }
        return bits;
    }

    private static void checkCompression(int compression, Budget budget) throws ImageRejectedException {
        switch (compression) {
            case 1, 2, 3, 4, 5, 7, 8, 32773, 32946 -> {
                // none, CCITT RLE/T.4/T.6, LZW, JPEG, Deflate, PackBits: what the JDK's reader decodes
            }
            case COMPRESSION_OLD_JPEG -> throw budget.unsupported("TIFF with old-style JPEG compression (6)");
            default -> throw budget.unsupported("TIFF with compression %d%s".formatted(compression,
                    compressionName(compression)));
        }
    }

    private static String compressionName(int compression) {
        return switch (compression) {
            case 34712 -> " (JPEG 2000)";
            case 34887 -> " (LERC)";
            case 34925 -> " (LZMA)";
            case 50000 -> " (Zstandard)";
            case 50001 -> " (WebP)";
            case 52546 -> " (JPEG XL)";
            case 34676, 34677 -> " (SGI Log)";
            default -> "";
        };
    }

    private static void checkPhotometric(int photometric, Budget budget) throws ImageRejectedException {
        switch (photometric) {
            case -1, 0, 1, 2, 3, 4, 5, 6, 8, 9 -> {
                // absent (the decoder guesses), grey, RGB, palette, mask, CMYK, YCbCr, CIELab, ICCLab
            }
            default -> throw budget.unsupported("TIFF with photometric interpretation %d".formatted(photometric));
        }
    }

    /** How the picture is cut: pieces across and down, each {@code size}, per plane. */
    private record Pieces(boolean tiled, Area size, long height, long across, long down, int planes,
            Entry offsets, Entry counts) {

        long count() {
            return across * down * planes;
        }

        /** Rows of piece {@code i}: a tile is whole (padded), the last strip of a plane may be shorter. */
        long rows(long i) {
            return tiled ? size.height() : Math.min(size.height(), height - i % down * size.height());
        }
    }

    private static Pieces pieces(Bytes in, Map<Integer, Entry> entries, long width, long height, int planes,
            int samples, Budget budget) throws ImageRejectedException {
        if (entries.containsKey(TILE_WIDTH)) {
            long tileWidth = scalar(in, entries, TILE_WIDTH, -1);
            long tileHeight = scalar(in, entries, TILE_LENGTH, -1);
            budget.part("tile", tileWidth, tileHeight);
            // The decoder holds a tile's samples (all of them, or one plane's) in one Java array.
            if (tileWidth * tileHeight * (samples / planes) > Integer.MAX_VALUE) {
                throw new ImageRejectedException(RejectReason.TOO_MANY_PIXELS, "The TIFF tiles are %dx%d, more than the "
                        .formatted(tileWidth, tileHeight) + "decoder can hold in one tile");
            }
            // Tiles pad the picture to whole tiles; one far larger than the picture is allocated for nothing.
            if (tileWidth > Math.max(roundUp16(width), MAX_OVERHANGING_TILE)
                    || tileHeight > Math.max(roundUp16(height), MAX_OVERHANGING_TILE)) {
                throw budget.corrupt("its tiles are %dx%d for a %dx%d picture".formatted(tileWidth, tileHeight, width,
                        height));
            }
            return new Pieces(true, Area.of((int) tileWidth, (int) tileHeight), height, ceilDiv(width, tileWidth),
                    ceilDiv(height, tileHeight), planes, entries.get(TILE_OFFSETS), entries.get(TILE_BYTE_COUNTS));
        }
        long rows = scalar(in, entries, ROWS_PER_STRIP, height);
        if (rows == 0) {
            throw budget.corrupt("its RowsPerStrip is 0");
        }
        rows = Math.min(rows, height); // the decoder clips strips to the picture
        return new Pieces(false, Area.of((int) width, (int) rows), height, 1, ceilDiv(height, rows), planes,
                entries.get(STRIP_OFFSETS), entries.get(STRIP_BYTE_COUNTS));
    }

    /**
     * YCbCrSubsampling as the JDK's decoder takes it: 2x2 when absent (TIFF 6.0's default), a value other
     * than 1, 2 or 4 taken as 1.
     */
    private static int[] chromaSubsampling(Bytes in, Map<Integer, Entry> entries) throws ImageRejectedException {
        Entry entry = entries.get(YCBCR_SUBSAMPLING);
        if (entry == null || entry.count() != 2) {
            return new int[] {2, 2};
        }
        int[] factors = new int[2];
        for (int i = 0; i < 2; i++) {
            long f = value(in, entry, i, "YCbCrSubsampling");
            factors[i] = f == 2 || f == 4 ? (int) f : 1;
        }
        return factors;
    }

    /**
     * Every strip or tile: listed, inside the file, long enough when uncompressed ({@code chroma}: the
     * YCbCr subsampling of chunky YCbCr data, stored as blocks of Y samples and one Cb and Cr; else
     * null), JPEG frames checked.
     */
    private static void checkPieces(Bytes in, Pieces pieces, int compression, int bitsPerPixel, int[] chroma,
            Budget budget) throws ImageRejectedException {
        String kind = pieces.tiled() ? "tile" : "strip";
        long needed = pieces.count();
        if (pieces.offsets() == null || pieces.offsets().count() < needed) {
            throw budget.corrupt("it lists %,d %s offsets, the picture needs %,d".formatted(
                    pieces.offsets() == null ? 0 : pieces.offsets().count(), kind, needed));
        }
        if (pieces.counts() == null && compression != COMPRESSION_NONE
                || pieces.counts() != null && pieces.counts().count() < needed) {
            throw budget.corrupt("it lists %,d %s byte counts, the picture needs %,d".formatted(
                    pieces.counts() == null ? 0 : pieces.counts().count(), kind, needed));
        }
        long rowBytes = (pieces.size().width() * (long) bitsPerPixel + 7) / 8;
        Bytes jpeg = in.littleEndian(false);
        for (long i = 0; i < needed; i++) {
            long offset = value(in, pieces.offsets(), i, kind + " offsets");
            long raw = chroma == null ? rowBytes * pieces.rows(i)
                    : ceilDiv(pieces.size().width(), chroma[0]) * ceilDiv(pieces.rows(i), chroma[1])
                            * (chroma[0] * chroma[1] + 2L);
            long count = pieces.counts() == null ? raw : value(in, pieces.counts(), i, kind + " byte counts");
            String name = "%s %,d".formatted(kind, i + 1);
            if (!in.has(offset, count)) {
                throw budget.truncated("its %s runs to byte %,d, the file has %,d".formatted(name, offset + count,
                        in.length()));
            }
            if (compression == COMPRESSION_NONE && count < raw) {
                throw budget.truncated("its %s holds %,d bytes, its pixels need %,d".formatted(name, count, raw));
            }
            if (compression == COMPRESSION_JPEG) {
                JpegStructure.Frame frame = JpegStructure.walk(jpeg, offset, offset + count, budget, name).frame();
                if (frame.width() > pieces.size().width() || frame.height() > pieces.size().height()) {
                    throw budget.corrupt("the JPEG stream of its %s is %dx%d, the %s %dx%d".formatted(name,
                            frame.width(), frame.height(), kind, pieces.size().width(), pieces.size().height()));
                }
            }
        }
    }

    /** Page directories from the first, counted up to {@link #MAX_PAGES}; a loop or a bad link ends it. */
    private static int pages(Bytes in, long first) throws ImageRejectedException {
        Set<Long> seen = new HashSet<>();
        long at = first;
        int pages = 0;
        while (at != 0 && pages < MAX_PAGES && in.has(at, 2) && seen.add(at)) {
            long link = at + 2 + 12L * in.u16(at, "a page directory");
            pages++;
            if (!in.has(link, 4)) {
                break;
            }
            at = in.u32(link, "a page directory");
        }
        return pages;
    }

    private static long roundUp16(long value) {
        return (value + 15) / 16 * 16;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
