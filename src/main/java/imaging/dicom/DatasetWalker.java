package imaging.dicom;

import imaging.ImageRejectedException;
import imaging.RejectReason;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Set;

/**
 * Walks a dataset element by element (PS3.5 7.1), keeps the whitelisted top-level values and stops at the
 * top-level Pixel Data. Nested sequences and items (PS3.5 7.5), of defined or undefined length, are
 * skipped with an explicit stack, never by recursion. Every length is checked against the data before it
 * is used; each step moves on at least 8 bytes, so the walk is linear in the file's size.
 */
final class DatasetWalker {

    /** Open sequences and items at once; real files nest a handful. */
    static final int MAX_NESTING = 64;

    private static final long UNDEFINED_LENGTH = 0xFFFF_FFFFL;
    /** Explicit VRs with a 2-byte reserved field and a 4-byte length (PS3.5 Table 7.1-1). */
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");

    /** One open sequence (which holds items) or item (which holds elements) of undefined length. */
    private record Open(boolean sequence, boolean implicitVr) {
    }

    private final DatasetBytes bytes;
    private final ByteOrder order;
    private final boolean explicitVr;
    private long pos;

    DatasetWalker(DatasetBytes bytes, long start, ByteOrder order, boolean explicitVr) {
        this.bytes = bytes;
        this.pos = start;
        this.order = order;
        this.explicitVr = explicitVr;
    }

    /** Where the walk stands: after {@link #walk}, the end of the part walked. */
    long position() {
        return pos;
    }

    /**
     * Reads elements until the top-level Pixel Data, the end of the data, or (when {@code stopAtGroup} is
     * not negative) the first top-level element of another group.
     */
    Attributes walk(Set<Integer> kept, int stopAtGroup) throws ImageRejectedException {
        Attributes attributes = new Attributes(order);
        Deque<Open> open = new ArrayDeque<>();
        while (true) {
            if (!bytes.reach(pos + 1)) {
                if (!open.isEmpty()) {
                    throw truncated("a sequence");
                }
                return attributes;
            }
            if (open.isEmpty() && stopAtGroup >= 0) {
                require(2, "an element tag");
                if (u16(pos) != stopAtGroup) {
                    return attributes;
                }
            }
            require(8, "an element header");
            int tag = u16(pos) << 16 | u16(pos + 2);
            if (tag >>> 16 == 0xFFFE) {
                long length = u32(pos + 4);
                pos += 8;
                delimiter(open, tag, length);
                continue;
            }
            if (!open.isEmpty() && open.peek().sequence()) {
                throw corrupt("A DICOM sequence holds element " + Tag.name(tag) + " where an item must be");
            }
            boolean implicit = open.isEmpty() ? !explicitVr : open.peek().implicitVr();
            String vr = null;
            long length;
            if (implicit) {
                length = u32(pos + 4);
                pos += 8;
            } else {
                vr = vr(tag);
                if (LONG_VRS.contains(vr)) {
                    require(12, "an element header");
                    length = u32(pos + 8);
                    pos += 12;
                } else {
                    length = u16(pos + 6);
                    pos += 8;
                }
            }
            if (open.isEmpty() && (tag == Tag.FLOAT_PIXEL_DATA || tag == Tag.DOUBLE_FLOAT_PIXEL_DATA)) {
                throw new ImageRejectedException(RejectReason.UNSUPPORTED_FORMAT,
                        "DICOM images with floating-point pixel data are not supported");
            }
            if (open.isEmpty() && tag == Tag.PIXEL_DATA) {
                attributes.pixelData(pos, length == UNDEFINED_LENGTH ? Attributes.ENCAPSULATED : length, vr);
                return attributes;
            }
            if (length == UNDEFINED_LENGTH) {
                if (vr != null && !vr.equals("SQ") && !vr.equals("UN")) {
                    throw corrupt("DICOM element " + Tag.name(tag) + " of VR " + vr + " has an undefined length");
                }
                // An undefined-length UN holds Implicit VR Little Endian data (PS3.5 6.2.2).
                push(open, new Open(true, implicit || "UN".equals(vr)));
                continue;
            }
            if (!bytes.reach(pos + length)) {
                throw truncated("element " + Tag.name(tag));
            }
            if (open.isEmpty() && kept.contains(tag)) {
                int from = (int) pos;
                attributes.keep(tag, Arrays.copyOfRange(bytes.array(), from,
                        from + (int) Math.min(length, Attributes.MAX_KEPT_BYTES)));
            }
            pos += length;
        }
    }

    private void delimiter(Deque<Open> open, int tag, long length) throws ImageRejectedException {
        switch (tag) {
            case Tag.ITEM -> {
                if (open.isEmpty() || !open.peek().sequence()) {
                    throw corrupt("A DICOM item stands outside a sequence");
                }
                if (length == UNDEFINED_LENGTH) {
                    push(open, new Open(false, open.peek().implicitVr()));
                } else if (bytes.reach(pos + length)) {
                    pos += length;
                } else {
                    throw truncated("an item");
                }
            }
            case Tag.ITEM_DELIMITATION -> {
                if (open.isEmpty() || open.peek().sequence()) {
                    throw corrupt("A DICOM item delimiter stands outside an item");
                }
                open.pop();
            }
            case Tag.SEQUENCE_DELIMITATION -> {
                if (open.isEmpty() || !open.peek().sequence()) {
                    throw corrupt("A DICOM sequence delimiter stands outside a sequence");
                }
                open.pop();
            }
            default -> throw corrupt("Unknown DICOM delimiter " + Tag.name(tag));
        }
    }

    private static void push(Deque<Open> open, Open next) throws ImageRejectedException {
        if (open.size() >= MAX_NESTING) {
            throw corrupt("DICOM sequences nest deeper than " + MAX_NESTING / 2 + " levels");
        }
        open.push(next);
    }

    /** The two-letter VR; anything but two upper-case letters means the data is not what its syntax says. */
    private String vr(int tag) throws ImageRejectedException {
        byte[] a = bytes.array();
        int i = (int) pos + 4;
        char first = (char) (a[i] & 0xFF);
        char second = (char) (a[i + 1] & 0xFF);
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            throw corrupt("DICOM element " + Tag.name(tag) + " has no valid value representation for an explicit VR transfer syntax");
        }
        return "" + first + second;
    }

    private void require(int count, String what) throws ImageRejectedException {
        if (!bytes.reach(pos + count)) {
            throw truncated(what);
        }
    }

    private int u16(long at) {
        byte[] a = bytes.array();
        int i = (int) at;
        int b0 = a[i] & 0xFF;
        int b1 = a[i + 1] & 0xFF;
        return order == ByteOrder.LITTLE_ENDIAN ? b0 | b1 << 8 : b0 << 8 | b1;
    }

    private long u32(long at) {
        long first = u16(at);
        long second = u16(at + 2);
        return order == ByteOrder.LITTLE_ENDIAN ? first | second << 16 : first << 16 | second;
    }

    private static ImageRejectedException truncated(String inside) {
        return new ImageRejectedException(RejectReason.TRUNCATED, "The DICOM file ends inside " + inside);
    }

    private static ImageRejectedException corrupt(String message) {
        return new ImageRejectedException(RejectReason.CORRUPT, message);
    }
}
