package imaging.formats;

import imaging.Area;
import imaging.ImageFormat;
import imaging.ImageRejectedException;
import imaging.Inspection;
import imaging.Span;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Reads a JPEG's markers from SOI to EOI, never its pixels (ITU-T T.81, annex B): the frame header
 * (coding process, sample precision, size, components and their sampling), every scan header (counted
 * against the scan limit), and where the EXIF block is. Scans' entropy-coded data is stepped over by
 * looking for the next marker, so a file cut inside a scan, or without EOI, is {@code truncated}.
 */
final class JpegStructure {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DHP = 0xDE;
    private static final int EXP = 0xDF;
    private static final int APP1 = 0xE1;
    private static final String SEGMENT = "a marker segment";
    /**
     * What libjpeg keeps of a block when a file has more than one scan (progressive, or one component a
     * scan): its 64 coefficients of 2 bytes (jdcoefct.c's whole-image buffer), outside the Java heap.
     */
    private static final long COEFFICIENT_BYTES = 64 * 2;
    /** "ICC_PROFILE\0", the chunk's number and the chunk count (ICC.1:2010 annex B.4). */
    private static final int ICC_PREFIX = 14;

    /** The frame header (SOFn) of a JPEG stream. */
    /** A frame header: per component its id and sampling factors. */
    record Frame(int marker, int width, int height, int[] ids, int[] h, int[] v) {

        int components() {
            return ids.length;
        }

        /** Huffman-coded sequential or progressive (SOF0-2), where every block costs at least a bit. */
        boolean huffman() {
            return marker == 0xC0 || marker == 0xC1 || marker == 0xC2;
        }

        /** 8x8 blocks of every component. */
        long blocks() {
            long blocks = 0;
            for (int c = 0; c < ids.length; c++) {
                blocks += blocks(c);
            }
            return blocks;
        }

        /** 8x8 blocks of component {@code c} (T.81 A.1.1: its size scaled by its sampling). */
        long blocks(int c) {
            int hMax = Arrays.stream(h).max().orElse(1);
            int vMax = Arrays.stream(v).max().orElse(1);
            long columns = ((long) width * h[c] + hMax - 1) / hMax;
            long rows = ((long) height * v[c] + vMax - 1) / vMax;
            return ((columns + 7) / 8) * ((rows + 7) / 8);
        }

        boolean progressive() {
            return marker == 0xC2 || marker == 0xCA;
        }
    }

    /** What a walk from SOI to EOI found. */
    record Stream(Frame frame, int scans, Span exif) {
    }

    private JpegStructure() {
    }

    static Inspection read(byte[] data, Budget budget) throws ImageRejectedException {
        Bytes in = new Bytes(data, "JPEG", false);
        Stream stream = walk(in, 0, data.length, budget, null);
        Frame frame = stream.frame();
        Area all = Area.of(frame.width(), frame.height());
        return new Inspection(ImageFormat.JPEG, frame.width(), frame.height(), data.length, all, all, 1, false,
                stream.scans(), stream.exif(), stream.scans() > 1 ? COEFFICIENT_BYTES * frame.blocks() : 0);
    }

    /**
     * Walks the JPEG stream in {@code [start, end)}, which must begin with SOI, up to its EOI. The frame
     * header's size is checked against the limits as soon as it is read: as the picture's, or as that of
     * the named part (a TIFF strip or tile holding a JPEG stream).
     */
    static Stream walk(Bytes in, long start, long end, Budget budget, String part) throws ImageRejectedException {
        if (in.u8(start, "its start-of-image marker") != 0xFF || in.u8(start + 1, "its start-of-image marker") != SOI) {
            throw budget.corrupt("it does not start with a start-of-image marker");
        }
        Frame frame = null;
        int scans = 0;
        Span exif = null;
        long pos = start + 2;
        while (true) {
            pos = nextMarker(in.array(), pos, end);
            if (pos < 0) {
                throw budget.truncated(scans == 0 ? "it stops before its first scan"
                        : "it stops before its end-of-image marker");
            }
            int marker = in.u8(pos + 1, "a marker");
            pos += 2;
            if (marker == EOI) {
                break;
            }
            if (marker == SOI) {
                throw budget.corrupt("it has a second start-of-image marker");
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                continue; // restart markers and TEM stand alone
            }
            if (pos + 2 > end) {
                throw budget.truncated("it stops inside the marker segment 0x%02X".formatted(marker));
            }
            int length = in.u16(pos, "a marker segment");
            if (length < 2) {
                throw budget.corrupt("marker segment 0x%02X at byte %,d has length %d".formatted(marker, pos - 2, length));
            }
            long body = pos + 2;
            long next = pos + length;
            if (next > end) {
                throw budget.truncated("its marker segment 0x%02X at byte %,d runs to byte %,d".formatted(marker,
                        pos - 2, next));
            }
            if (isFrameHeader(marker)) {
                if (frame != null) {
                    throw budget.corrupt("it has a second frame header");
                }
                frame = frame(in, marker, body, length - 2, budget, part);
            } else if (marker == DHP || marker == EXP) {
                throw budget.unsupported("Hierarchical JPEG coding");
            } else if (marker == SOS) {
                if (frame == null) {
                    throw budget.corrupt("a scan comes before the frame header");
                }
                long leastBits = scanHeader(in, frame, body, length - 2, budget);
                scans++;
                budget.scans(scans, frame.progressive(), frame.width(), frame.height());
                pos = nextMarker(in.array(), next, end);
                if (pos < 0) {
                    throw budget.truncated("it stops inside the data of scan %d (no end-of-image marker)".formatted(scans));
                }
                if ((pos - next) * 8 < leastBits) {
                    throw budget.truncated("scan %d holds %,d bytes of data, its blocks need at least %,d bytes"
                            .formatted(scans, pos - next, (leastBits + 7) / 8));
                }
                continue;
            } else if (marker == APP1 && exif == null && length >= 8 && in.startsWith(body, "Exif\0\0")) {
                exif = new Span((int) body + 6, length - 8);
            }
            pos = next;
        }
        if (frame == null) {
            throw budget.corrupt("it has no frame header");
        }
        if (scans == 0) {
            throw budget.corrupt("it has no scan");
        }
        return new Stream(frame, scans, exif);
    }

    /**
     * The file, or a copy without its ICC_PROFILE segments (APP2) when the profile they carry declares
     * more bytes than they hold: TwelveMonkeys' reader allocates the declared size before reading the
     * profile (ColorProfiles.readProfile), so a 200-byte file could claim 2 GB. An unusable profile is
     * ignored anyway, and the picture taken as sRGB. For a file {@link #read} has passed.
     */
    static byte[] forDecoder(byte[] data) {
        Bytes in = new Bytes(data, "JPEG", false);
        long carried = 0;
        long declared = -1;
        try {
            for (long pos = 2; in.has(pos, 4) && in.u8(pos, SEGMENT) == 0xFF && in.u8(pos + 1, SEGMENT) != SOS; ) {
                int length = in.u16(pos + 2, SEGMENT);
                if (isIccSegment(in, pos, length)) {
                    int bytes = length - 2 - ICC_PREFIX;
                    carried += bytes;
                    if (in.u8(pos + 4 + 12, SEGMENT) == 1) {
                        declared = bytes >= 4 ? in.u32(pos + 4 + ICC_PREFIX, SEGMENT) : 0;
                    }
                }
                pos += 2 + length;
            }
        } catch (ImageRejectedException e) {
            return data;
        }
        return declared <= carried && (declared >= 128 || carried == 0) ? data : withoutIccSegments(in);
    }

    private static boolean isIccSegment(Bytes in, long pos, int length) throws ImageRejectedException {
        return in.u8(pos + 1, SEGMENT) == 0xE2 && length >= 2 + ICC_PREFIX && in.startsWith(pos + 4, "ICC_PROFILE\0");
    }

    private static byte[] withoutIccSegments(Bytes in) {
        byte[] data = in.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        long pos = 2;
        out.write(data, 0, 2);
        try {
            while (in.has(pos, 4) && in.u8(pos, SEGMENT) == 0xFF && in.u8(pos + 1, SEGMENT) != SOS) {
                int length = in.u16(pos + 2, SEGMENT);
                if (!isIccSegment(in, pos, length)) {
                    out.write(data, (int) pos, 2 + length);
                }
                pos += 2 + length;
            }
        } catch (ImageRejectedException e) {
            return data;
        }
        out.write(data, (int) pos, data.length - (int) pos);
        return out.toByteArray();
    }

    /**
     * The position of the 0xFF starting the next marker at or after {@code from}, stepping over stuffed
     * bytes (FF 00), restart markers and fill bytes as they occur in entropy-coded data; -1 if none.
     * Stray bytes before a marker are stepped over too, as libjpeg does (with a warning).
     */
    private static long nextMarker(byte[] a, long from, long end) {
        int limit = (int) Math.min(end, a.length) - 1;
        for (int i = (int) from; i < limit; i++) {
            if (a[i] == (byte) 0xFF) {
                int next = a[i + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static Frame frame(Bytes in, int marker, long at, int length, Budget budget, String part)
            throws ImageRejectedException {
        String coding = switch (marker) {
            case 0xC3 -> "Lossless JPEG coding (SOF3)";
            case 0xC5, 0xC6, 0xC7, 0xCD, 0xCE, 0xCF -> "Hierarchical JPEG coding (SOF%d)".formatted(marker - 0xC0);
            case 0xCB -> "Lossless arithmetic JPEG coding (SOF11)";
            case 0xC9, 0xCA -> JpegCodings.arithmeticDecodable() ? null
                    : "Arithmetic JPEG coding (SOF%d)".formatted(marker - 0xC0);
            default -> null;
        };
        if (coding != null) {
            throw budget.unsupported(coding);
        }
        if (length < 6) {
            throw budget.corrupt("its frame header is %d bytes long".formatted(length));
        }
        int precision = in.u8(at, "the frame header");
        int height = in.u16(at + 1, "the frame header");
        int width = in.u16(at + 3, "the frame header");
        int components = in.u8(at + 5, "the frame header");
        if (precision != 8) {
            throw budget.unsupported("JPEG with %d-bit samples".formatted(precision));
        }
        if (height == 0 && width > 0) {
            throw budget.unsupported("JPEG whose height is given later by a DNL marker");
        }
        if (part == null) {
            budget.canvas(width, height);
        } else {
            budget.part(part + "'s JPEG stream", width, height);
        }
        if (components != 1 && components != 3 && components != 4) {
            throw budget.unsupported("JPEG with %d colour components".formatted(components));
        }
        if (length != 6 + 3 * components) {
            throw budget.corrupt("its frame header is %d bytes long for %d components".formatted(length, components));
        }
        int[] ids = new int[components];
        int[] hs = new int[components];
        int[] vs = new int[components];
        for (int c = 0; c < components; c++) {
            ids[c] = in.u8(at + 6 + 3 * c, "the frame header");
            int sampling = in.u8(at + 7 + 3 * c, "the frame header");
            int table = in.u8(at + 8 + 3 * c, "the frame header");
            int h = sampling >> 4;
            int v = sampling & 0x0F;
            if (h < 1 || h > 4 || v < 1 || v > 4 || table > 3) {
                throw budget.corrupt("component %d has sampling %dx%d and quantisation table %d".formatted(c + 1, h, v,
                        table));
            }
            hs[c] = h;
            vs[c] = v;
        }
        return new Frame(marker, width, height, ids, hs, vs);
    }

    /**
     * Checks a scan header (1-4 of the frame's components, an interleaved MCU of at most 10 blocks) and
     * returns the fewest bits its data can take: with Huffman coding every block costs at least one bit
     * for its DC code, and in a sequential scan one more for its end-of-block code (T.81 F.1.2; no code
     * is shorter than a bit). A header claiming a large picture over a few bytes of data would otherwise
     * be decoded at full cost and padded with grey.
     */
    private static long scanHeader(Bytes in, Frame frame, long at, int length, Budget budget)
            throws ImageRejectedException {
        int count = length > 0 ? in.u8(at, "a scan header") : 0;
        if (count < 1 || count > 4 || length != 4 + 2 * count) {
            throw budget.corrupt("a scan header lists %d components in %d bytes".formatted(count, length));
        }
        int mcu = 0;
        long blocks = 0;
        for (int k = 0; k < count; k++) {
            int id = in.u8(at + 1 + 2 * k, "a scan header");
            int c = indexOf(frame.ids(), id);
            if (c < 0) {
                throw budget.corrupt("a scan names component %d, which the frame does not have".formatted(id));
            }
            mcu += frame.h()[c] * frame.v()[c];
            blocks += frame.blocks(c);
        }
        // libjpeg's D_MAX_BLOCKS_IN_MCU: an interleaved scan's MCU holds at most 10 blocks (T.81 B.2.3).
        if (count > 1 && mcu > 10) {
            throw budget.corrupt("an interleaved scan's MCU has %d blocks, at most 10 are allowed".formatted(mcu));
        }
        int spectralStart = in.u8(at + 1 + 2 * count, "a scan header");
        int approximationHigh = in.u8(at + 3 + 2 * count, "a scan header") >> 4;
        if (!frame.huffman()) {
            return 0;
        }
        if (!frame.progressive()) {
            return 2 * blocks;
        }
        return spectralStart == 0 && approximationHigh == 0 ? blocks : 0;
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
