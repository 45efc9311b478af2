package imaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the first frame of an animated WebP as a still WebP of its own, since the WebP decoder here only
 * decodes stills. Layout from the WebP container spec: {@code RIFF/WEBP} with {@code VP8X}, {@code ANIM}
 * and one {@code ANMF} chunk per frame, each holding an offset, a size and the frame's own chunks.
 */
final class AnimatedWebp {

    /** The first frame as a standalone WebP, and where it sits on the animation's canvas. */
    record FirstFrame(byte[] webp, int x, int y, int canvasWidth, int canvasHeight) {
    }

    private AnimatedWebp() {
    }

    static Optional<FirstFrame> firstFrame(byte[] data) {
        if (data.length < 30 || !fourCc(data, 12).equals("VP8X") || (data[20] & 0x02) == 0) {
            return Optional.empty();
        }
        int canvasWidth = uint24(data, 24) + 1;
        int canvasHeight = uint24(data, 27) + 1;
        int offset = 12;
        while (offset + 8 <= data.length) {
            String id = fourCc(data, offset);
            int size = uint32(data, offset + 4);
            int payload = offset + 8;
            if (size < 0 || payload + size > data.length) {
                return Optional.empty();
            }
            if (id.equals("ANMF") && size >= 16) {
                int x = uint24(data, payload) * 2;
                int y = uint24(data, payload + 3) * 2;
                int width = uint24(data, payload + 6) + 1;
                int height = uint24(data, payload + 9) + 1;
                return Optional.of(new FirstFrame(still(data, payload + 16, size - 16, width, height), x, y,
                        canvasWidth, canvasHeight));
            }
            offset = payload + size + (size & 1);
        }
        return Optional.empty();
    }

    /** Wraps a frame's chunks (optional ALPH, then VP8 or VP8L) in an extended-format still WebP. */
    private static byte[] still(byte[] data, int from, int length, int width, int height) {
        boolean alpha = fourCc(data, from).equals("ALPH");
        ByteArrayOutputStream vp8x = new ByteArrayOutputStream(18);
        vp8x.writeBytes("VP8X".getBytes(StandardCharsets.US_ASCII));
        writeUint32(vp8x, 10);
        vp8x.write(alpha ? 0x10 : 0);
        vp8x.writeBytes(new byte[3]);
        writeUint24(vp8x, width - 1);
        writeUint24(vp8x, height - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 40);
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        writeUint32(out, 4 + vp8x.size() + length);
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(vp8x.toByteArray());
        out.write(data, from, length);
        return out.toByteArray();
    }

    private static String fourCc(byte[] data, int offset) {
        return offset + 4 <= data.length ? new String(data, offset, 4, StandardCharsets.US_ASCII) : "";
    }

    private static int uint24(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16;
    }

    private static int uint32(byte[] data, int offset) {
        return uint24(data, offset) | (data[offset + 3] & 0xFF) << 24;
    }

    private static void writeUint24(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >>> 8 & 0xFF);
        out.write(value >>> 16 & 0xFF);
    }

    private static void writeUint32(ByteArrayOutputStream out, int value) {
        writeUint24(out, value);
        out.write(value >>> 24 & 0xFF);
    }
}
