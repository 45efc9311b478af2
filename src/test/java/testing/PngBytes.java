package testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Hand-made PNG files: chunks with their CRCs, solid-colour image data, APNG frames. */
public final class PngBytes {

    public static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private PngBytes() {
    }

    public static byte[] file(byte[]... chunks) {
        return Bin.concat(SIGNATURE, Bin.concat(chunks));
    }

    /** Length, type, body and the CRC of type and body. */
    public static byte[] chunk(String type, byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(body);
        return Bin.big().u32(body.length).ascii(type).bytes(body).u32(crc.getValue()).toBytes();
    }

    public static byte[] ihdr(long width, long height, int depth, int colourType) {
        return chunk("IHDR", Bin.big().u32(width).u32(height).u8(depth, colourType, 0, 0, 0).toBytes());
    }

    public static byte[] iend() {
        return chunk("IEND", new byte[0]);
    }

    /** Zlib data of {@code width x height} RGBA pixels of one colour (0xAARRGGBB), filter 0 on every row. */
    public static byte[] rgba(int width, int height, int argb) {
        byte[] raw = new byte[height * (1 + 4 * width)];
        for (int y = 0; y < height; y++) {
            int row = y * (1 + 4 * width);
            for (int x = 0; x < width; x++) {
                int p = row + 1 + 4 * x;
                raw[p] = (byte) (argb >> 16);
                raw[p + 1] = (byte) (argb >> 8);
                raw[p + 2] = (byte) argb;
                raw[p + 3] = (byte) (argb >> 24);
            }
        }
        return zlib(raw);
    }

    public static byte[] zlib(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** A zlib stream inflating to {@code bytes} zero bytes, without holding them. */
    public static byte[] zlibOfZeros(long bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] buffer = new byte[65536];
        for (long left = bytes; left > 0; left -= zeros.length) {
            deflater.setInput(zeros, 0, (int) Math.min(zeros.length, left));
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    public static byte[] actl(int frames) {
        return chunk("acTL", Bin.big().u32(frames).u32(0).toBytes());
    }

    /** An APNG frame control: sequence number, size, offset, 1/10 s delay, no dispose, source blend. */
    public static byte[] fctl(int sequence, long width, long height, long x, long y) {
        return chunk("fcTL", Bin.big().u32(sequence).u32(width).u32(height).u32(x).u32(y).u16(1).u16(10).u8(0, 0)
                .toBytes());
    }

    public static byte[] fdat(int sequence, byte[] zlib) {
        return chunk("fdAT", Bin.big().u32(sequence).bytes(zlib).toBytes());
    }

    /** A valid RGBA PNG of one colour. */
    public static byte[] solid(int width, int height, int argb) {
        return file(ihdr(width, height, 8, 6), chunk("IDAT", rgba(width, height, argb)), iend());
    }
}
