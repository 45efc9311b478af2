package testing;

/**
 * Hand-made EXIF blocks (little-endian TIFF structure): IFD0 with Make and Orientation, then as many
 * empty directories chained after it as asked, or a link back to itself.
 */
public final class ExifBytes {

    private ExifBytes() {
    }

    /**
     * @param chained empty directories linked after IFD0 (each 6 bytes)
     * @param loop    IFD0 links to itself instead
     */
    public static byte[] block(int orientation, int chained, boolean loop) {
        int ifd0 = 8;
        int makeAt = ifd0 + 2 + 12 * 2 + 4;
        int chainAt = makeAt + 8;
        Bin out = Bin.little().ascii("II").u16(42).u32(ifd0);
        out.u16(2);
        out.u16(0x010F).u16(2).u32(8).u32(makeAt); // Make, ASCII, 8 bytes
        out.u16(0x0112).u16(3).u32(1).u16(orientation).u16(0); // Orientation, SHORT
        out.u32(loop ? ifd0 : chained > 0 ? chainAt : 0);
        out.ascii("Hostile").u8(0);
        for (int i = 0; i < chained; i++) {
            out.u16(0).u32(i + 1 < chained ? chainAt + 6L * (i + 1) : 0);
        }
        return out.toBytes();
    }
}
