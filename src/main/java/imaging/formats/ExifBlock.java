package imaging.formats;

import imaging.ImageRejectedException;
import imaging.RejectReason;
import imaging.Span;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cuts the few EXIF tags the job record keeps out of a TIFF-structured block (a JPEG's APP1, a PNG's
 * eXIf, a WebP's EXIF chunk, or a TIFF file itself) into a small TIFF of their own, for the metadata
 * library to decode. What it copies is bounded: three directories read once each (IFD0, its Exif and
 * GPS directories), at most {@link #MAX_ENTRIES} entries each, values of at most
 * {@link #MAX_VALUE_BYTES}. No directory chain, maker note, thumbnail, XMP or profile comes along, so
 * the library cannot recurse down a chain of pages or parse anything large.
 */
public final class ExifBlock {

    static final int MAX_ENTRIES = 1024;
    static final int MAX_VALUE_BYTES = 256;

    private static final int EXIF_IFD = 0x8769;
    private static final int GPS_IFD = 0x8825;
    /** Make, Model, Orientation. */
    private static final Set<Integer> IFD0_TAGS = Set.of(0x010F, 0x0110, 0x0112);
    /** DateTimeOriginal. */
    private static final Set<Integer> EXIF_TAGS = Set.of(0x9003);
    /** GPSLatitudeRef, GPSLatitude, GPSLongitudeRef, GPSLongitude. */
    private static final Set<Integer> GPS_TAGS = Set.of(1, 2, 3, 4);

    /** An entry copied as it was: its value's raw bytes in the block's byte order. */
    private record Tag(int tag, int type, long count, byte[] value) {
    }

    private ExifBlock() {
    }

    /** The summary's tags as a small TIFF (same byte order), or empty when the block has none of them. */
    public static Optional<byte[]> cut(byte[] data, Span span) {
        if (span.offset() < 0 || span.length() < 8 || (long) span.offset() + span.length() > data.length) {
            return Optional.empty();
        }
        boolean little = data[span.offset()] == 'I' && data[span.offset() + 1] == 'I';
        if (!little && !(data[span.offset()] == 'M' && data[span.offset() + 1] == 'M')) {
            return Optional.empty();
        }
        Block block = new Block(new Bytes(data, "EXIF", little), span.offset(), span.offset() + (long) span.length());
        try {
            if (block.u16(2) != 42) {
                return Optional.empty();
            }
            long ifd0 = block.u32(4);
            List<Tag> main = block.tags(ifd0, IFD0_TAGS);
            long exifAt = block.pointer(ifd0, EXIF_IFD);
            long gpsAt = block.pointer(ifd0, GPS_IFD);
            List<Tag> exif = exifAt > 0 ? block.tags(exifAt, EXIF_TAGS) : List.of();
            List<Tag> gps = gpsAt > 0 ? block.tags(gpsAt, GPS_TAGS) : List.of();
            if (main.isEmpty() && exif.isEmpty() && gps.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(write(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN, main, exif, gps));
        } catch (ImageRejectedException e) {
            // A directory or value outside the block: no summary rather than a guess.
            return Optional.empty();
        }
    }

    /** The block's bytes, read relative to its TIFF header and never past its end. */
    private record Block(Bytes in, long base, long end) {

        int u16(long at) throws ImageRejectedException {
            inside(at, 2);
            return in.u16(base + at, "EXIF");
        }

        long u32(long at) throws ImageRejectedException {
            inside(at, 4);
            return in.u32(base + at, "EXIF");
        }

        void inside(long at, long length) throws ImageRejectedException {
            if (at < 0 || base + at + length > end) {
                throw new ImageRejectedException(RejectReason.CORRUPT, "EXIF offset outside its block");
            }
        }

        /** The wanted entries of the directory at {@code at}, values copied. */
        List<Tag> tags(long at, Set<Integer> wanted) throws ImageRejectedException {
            int count = Math.min(u16(at), MAX_ENTRIES);
            List<Tag> tags = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long e = at + 2 + 12L * i;
                int tag = u16(e);
                if (!wanted.contains(tag)) {
                    continue;
                }
                int type = u16(e + 2);
                long n = u32(e + 4);
                int size = typeSize(type);
                long bytes = n * size;
                if (size == 0 || bytes == 0 || bytes > MAX_VALUE_BYTES) {
                    continue;
                }
                long valueAt = bytes <= 4 ? e + 8 : u32(e + 8);
                inside(valueAt, bytes);
                byte[] value = new byte[(int) bytes];
                System.arraycopy(in.array(), (int) (base + valueAt), value, 0, (int) bytes);
                tags.add(new Tag(tag, type, n, value));
            }
            return tags;
        }

        /** The offset an IFD-pointer entry of the directory at {@code at} holds, or 0. */
        long pointer(long at, int pointerTag) throws ImageRejectedException {
            int count = Math.min(u16(at), MAX_ENTRIES);
            for (int i = 0; i < count; i++) {
                long e = at + 2 + 12L * i;
                if (u16(e) == pointerTag && u32(e + 4) == 1) {
                    long target = u32(e + 8);
                    return target >= 8 && base + target + 2 <= end ? target : 0;
                }
            }
            return 0;
        }
    }

    private static int typeSize(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11 -> 4;
            case 5, 10, 12 -> 8;
            default -> 0;
        };
    }

    /** Header, IFD0 (with pointers to the Exif and GPS directories when they have entries), values. */
    private static byte[] write(ByteOrder order, List<Tag> main, List<Tag> exif, List<Tag> gps) {
        List<Tag> ifd0 = new ArrayList<>(main);
        int exifAt = 8 + directorySize(ifd0.size() + (exif.isEmpty() ? 0 : 1) + (gps.isEmpty() ? 0 : 1));
        int gpsAt = exifAt + (exif.isEmpty() ? 0 : directorySize(exif.size()));
        int valuesAt = gpsAt + (gps.isEmpty() ? 0 : directorySize(gps.size()));
        if (!exif.isEmpty()) {
            ifd0.add(new Tag(EXIF_IFD, 4, 1, null));
        }
        if (!gps.isEmpty()) {
            ifd0.add(new Tag(GPS_IFD, 4, 1, null));
        }
        int valueBytes = 0;
        for (List<Tag> tags : List.of(ifd0, exif, gps)) {
            for (Tag tag : tags) {
                valueBytes += tag.value() != null && tag.value().length > 4 ? tag.value().length + 1 : 0;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(valuesAt + valueBytes).order(order);
        out.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        out.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        out.putShort((short) 42).putInt(8);
        int[] free = {valuesAt};
        directory(out, 8, ifd0, free, exifAt, gpsAt);
        if (!exif.isEmpty()) {
            directory(out, exifAt, exif, free, 0, 0);
        }
        if (!gps.isEmpty()) {
            directory(out, gpsAt, gps, free, 0, 0);
        }
        return out.array();
    }

    private static int directorySize(int entries) {
        return 2 + 12 * entries + 4;
    }

    private static void directory(ByteBuffer out, int at, List<Tag> tags, int[] free, int exifAt, int gpsAt) {
        List<Tag> sorted = tags.stream().sorted(Comparator.comparingInt(Tag::tag)).toList();
        out.putShort(at, (short) sorted.size());
        int e = at + 2;
        for (Tag tag : sorted) {
            out.putShort(e, (short) tag.tag()).putShort(e + 2, (short) tag.type()).putInt(e + 4, (int) tag.count());
            if (tag.value() == null) {
                out.putInt(e + 8, tag.tag() == EXIF_IFD ? exifAt : gpsAt);
            } else if (tag.value().length <= 4) {
                out.put(e + 8, tag.value());
            } else {
                out.putInt(e + 8, free[0]);
                out.put(free[0], tag.value());
                free[0] += tag.value().length + (tag.value().length & 1);
            }
            e += 12;
        }
        out.putInt(e, 0); // no next directory: nothing to chain to
    }
}
