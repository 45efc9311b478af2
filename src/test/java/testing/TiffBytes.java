package testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made little-endian TIFF files: one first directory of the given entries, pixel data blobs, and
 * optionally a chain of further page directories.
 */
public final class TiffBytes {

    public static final int SHORT = 3;
    public static final int LONG = 4;

    /** An entry: its values, or (values null) {@code count} values at blob {@code at}. */
    private record Entry(int tag, int type, long[] values, long count, int at) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<byte[]> blobs = new ArrayList<>();
    private int extraPages;
    private boolean loop;

    /** An entry of SHORT or LONG values; a value {@code blob(i)} stands for where blob i lands. */
    public TiffBytes entry(int tag, int type, long... values) {
        entries.add(new Entry(tag, type, values, values.length, 0));
        return this;
    }

    /** An entry claiming {@code count} values that start at blob {@code index}, whatever is there. */
    public TiffBytes pointing(int tag, int type, long count, int index) {
        entries.add(new Entry(tag, type, null, count, index));
        return this;
    }

    /** Adds a data blob; its offset is {@link #blob(int)} of the index returned. */
    public int data(byte[] blob) {
        blobs.add(blob);
        return blobs.size() - 1;
    }

    /** Stands for the offset of blob {@code index} in an entry's values. */
    public static long blob(int index) {
        return -1 - index;
    }

    /** Chains {@code pages} more empty page directories after the first. */
    public TiffBytes pages(int pages) {
        extraPages = pages;
        return this;
    }

    /** Makes the first directory link back to itself. */
    public TiffBytes loop() {
        loop = true;
        return this;
    }

    /** A plain strip TIFF: 8-bit grey, one uncompressed strip of {@code width x height} bytes. */
    public static TiffBytes grey(int width, int height) {
        TiffBytes tiff = new TiffBytes();
        int strip = tiff.data(new byte[width * height]);
        return tiff.entry(256, LONG, width).entry(257, LONG, height).entry(258, SHORT, 8).entry(259, SHORT, 1)
                .entry(262, SHORT, 1).entry(273, LONG, blob(strip)).entry(277, SHORT, 1).entry(278, LONG, height)
                .entry(279, LONG, (long) width * height);
    }

    /** Replaces the values of every entry with this tag. */
    public TiffBytes set(int tag, int type, long... values) {
        entries.removeIf(e -> e.tag() == tag);
        return entry(tag, type, values);
    }

    public TiffBytes remove(int tag) {
        entries.removeIf(e -> e.tag() == tag);
        return this;
    }

    public byte[] bytes() {
        int[] blobAt = new int[blobs.size()];
        int at = 8;
        for (int i = 0; i < blobs.size(); i++) {
            blobAt[i] = at;
            at += blobs.get(i).length + (blobs.get(i).length & 1);
        }
        int valuesAt = at;
        int valuesSize = 0;
        for (Entry e : entries) {
            int size = e.values() == null ? 0 : e.values().length * (e.type() == SHORT ? 2 : 4);
            valuesSize += size > 4 ? size : 0;
        }
        int ifdAt = valuesAt + valuesSize;
        int pagesAt = ifdAt + 2 + 12 * entries.size() + 4;
        Bin out = Bin.little().ascii("II").u16(42).u32(ifdAt);
        for (byte[] b : blobs) {
            out.bytes(b).zeros(b.length & 1);
        }
        Bin ifd = Bin.little().u16(entries.size());
        Bin values = Bin.little();
        for (Entry e : entries.stream().sorted((a, b) -> Integer.compare(a.tag(), b.tag())).toList()) {
            if (e.values() == null) {
                ifd.u16(e.tag()).u16(e.type()).u32(e.count()).u32(blobAt[e.at()]);
                continue;
            }
            Bin value = Bin.little();
            for (long v : e.values()) {
                long resolved = v < 0 ? blobAt[(int) (-1 - v)] : v;
                if (e.type() == SHORT) {
                    value.u16(resolved);
                } else {
                    value.u32(resolved);
                }
            }
            ifd.u16(e.tag()).u16(e.type()).u32(e.values().length);
            if (value.size() <= 4) {
                ifd.bytes(value.toBytes()).zeros(4 - value.size());
            } else {
                ifd.u32(valuesAt + values.size());
                values.bytes(value.toBytes());
            }
        }
        ifd.u32(loop ? ifdAt : extraPages > 0 ? pagesAt : 0);
        out.bytes(values.toBytes()).bytes(ifd.toBytes());
        for (int p = 0; p < extraPages; p++) {
            // An empty directory: no entries, a link to the next.
            out.u16(0).u32(p + 1 < extraPages ? pagesAt + 6L * (p + 1) : 0);
        }
        return out.toBytes();
    }
}
