package testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Hand-made WebP containers around bitstreams libwebp made (through webp-imageio). */
public final class WebpBytes {

    private WebpBytes() {
    }

    /** The VP8L chunk (header and payload) of a lossless picture of one colour (0xAARRGGBB). */
    public static byte[] vp8l(int width, int height, int argb) {
        byte[] file = encode(solid(width, height, argb), "Lossless");
        return Arrays.copyOfRange(file, 12, file.length);
    }

    /** The VP8 chunk (lossy) of a noisy picture, so that its data is not tiny. */
    public static byte[] vp8Noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        byte[] file = encode(image, "Lossy");
        return Arrays.copyOfRange(file, 12, file.length);
    }

    /** A simple-format file: RIFF, WEBP, the given chunks. */
    public static byte[] riff(byte[]... chunks) {
        byte[] body = Bin.concat(chunks);
        return Bin.little().ascii("RIFF").u32(4 + body.length).ascii("WEBP").bytes(body).toBytes();
    }

    public static byte[] chunk(String id, byte[] payload) {
        return Bin.little().ascii(id).u32(payload.length).bytes(payload).zeros(payload.length & 1).toBytes();
    }

    /** A VP8X chunk with the given flags (0x02 animation, 0x10 alpha, 0x08 EXIF) and canvas. */
    public static byte[] vp8x(int flags, int width, int height) {
        return chunk("VP8X", Bin.little().u8(flags, 0, 0, 0).u24(width - 1).u24(height - 1).toBytes());
    }

    public static byte[] anim() {
        return chunk("ANIM", Bin.little().u32(0).u16(0).toBytes());
    }

    /** An animation frame at (x, y) (even), of the given size, holding {@code frame}'s chunks. */
    public static byte[] anmf(int x, int y, int width, int height, byte[] frame) {
        return chunk("ANMF", Bin.little().u24(x / 2).u24(y / 2).u24(width - 1).u24(height - 1).u24(100).u8(0)
                .bytes(frame).toBytes());
    }

    public static BufferedImage solid(int width, int height, int argb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, argb);
            }
        }
        return image;
    }

    /**
     * Encodes with the writer's own parameters, set through ImageWriteParam: in a JVM that also runs
     * Quarkus tests, a WebPWriteParam made here may come from another class loader than the writer,
     * which then ignores it and writes lossy.
     */
    private static byte[] encode(BufferedImage image, String type) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("webp").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
