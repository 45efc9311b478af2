package testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes PNGs of any size a row at a time, so a test in a small heap can make a picture that would not
 * fit in it decoded. Colour type RGB or RGBA, 8 or 16 bits a sample; each row is given by a painter.
 */
public final class PngStream {

    /** Fills one row's samples (big-endian for 16 bits), after the filter byte. */
    public interface Painter {
        void paint(int y, byte[] samples);
    }

    private PngStream() {
    }

    public static byte[] write(int width, int height, boolean alpha, int bits, Painter painter) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bits)
                    .put((byte) (alpha ? 6 : 2)).put((byte) 0).put((byte) 0).put((byte) 0).array());
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat)) {
                byte[] samples = new byte[width * (alpha ? 4 : 3) * bits / 8];
                for (int y = 0; y < height; y++) {
                    painter.paint(y, samples);
                    deflate.write(0);
                    deflate.write(samples);
                }
            }
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of horizontal bands of two colours, 64 rows each: compresses to almost nothing. */
    public static Painter bands() {
        return (y, samples) -> {
            byte value = (byte) ((y / 64) % 2 == 0 ? 0x30 : 0xC0);
            Arrays.fill(samples, value);
        };
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(name);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
