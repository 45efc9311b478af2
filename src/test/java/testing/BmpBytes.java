package testing;

/** Hand-made BMP files with a BITMAPINFOHEADER (40 bytes) or BITMAPV5HEADER (124 bytes). */
public final class BmpBytes {

    private BmpBytes() {
    }

    /**
     * File header and a 40-byte info header; {@code tail} (colour table and pixel data) follows, and the
     * pixel data starts {@code tableBytes} after the header.
     */
    public static byte[] info(int width, int height, int bitsPerPixel, int compression, long imageSize,
            int tableBytes, byte[] tail) {
        return Bin.little().ascii("BM").u32(14 + 40 + tail.length).u32(0).u32(14 + 40 + tableBytes)
                .u32(40).u32(width).u32(height).u16(1).u16(bitsPerPixel).u32(compression).u32(imageSize)
                .u32(2835).u32(2835).u32(0).u32(0).bytes(tail).toBytes();
    }

    /** A 24-bit bottom-up BMP of one colour (0xRRGGBB). */
    public static byte[] rgb(int width, int height, int rgb) {
        int rowBytes = (width * 3 + 3) / 4 * 4;
        byte[] pixels = new byte[rowBytes * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * rowBytes + 3 * x;
                pixels[p] = (byte) rgb;
                pixels[p + 1] = (byte) (rgb >> 8);
                pixels[p + 2] = (byte) (rgb >> 16);
            }
        }
        return info(width, height, 24, 0, pixels.length, 0, pixels);
    }

    /**
     * A 24-bit BMP with a BITMAPV5HEADER declaring an embedded colour profile ({@code profile}, placed
     * after the pixels; {@code profileOffset} overrides where the header says it is, relative to the
     * header, when not negative).
     */
    public static byte[] withProfile(int width, int height, byte[] profile, long profileOffset) {
        int rowBytes = (width * 3 + 3) / 4 * 4;
        byte[] pixels = new byte[rowBytes * height];
        long at = profileOffset >= 0 ? profileOffset : 124 + pixels.length;
        return Bin.little().ascii("BM").u32(14 + 124 + pixels.length + profile.length).u32(0).u32(14 + 124)
                .u32(124).u32(width).u32(height).u16(1).u16(24).u32(0).u32(pixels.length).u32(2835).u32(2835)
                .u32(0).u32(0)
                .u32(0).u32(0).u32(0).u32(0) // masks
                .u32(0x4D424544L) // bV5CSType: PROFILE_EMBEDDED
                .zeros(36).zeros(12) // endpoints, gamma
                .u32(4) // intent
                .u32(at).u32(profile.length).u32(0)
                .bytes(pixels).bytes(profile).toBytes();
    }
}
