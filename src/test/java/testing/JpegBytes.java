package testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** JPEG files from the JDK's encoder, and the positions of their markers for editing them. */
public final class JpegBytes {

    private JpegBytes() {
    }

    /** A small colour JPEG with a gradient, baseline or progressive. */
    public static byte[] encode(int width, int height, boolean progressive) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
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

    /** Where the first marker {@code FF marker} outside entropy-coded data starts, or -1. */
    public static int marker(byte[] jpeg, int marker) {
        int at = 2;
        while (at + 4 <= jpeg.length) {
            int m = jpeg[at + 1] & 0xFF;
            if (m == marker) {
                return at;
            }
            if (m == 0xDA || m == 0xD9) {
                return -1;
            }
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
        }
        return -1;
    }

    /** The first frame header (SOF0, SOF1 or SOF2). */
    public static int frameHeader(byte[] jpeg) {
        for (int m : new int[] {0xC0, 0xC1, 0xC2}) {
            int at = marker(jpeg, m);
            if (at >= 0) {
                return at;
            }
        }
        throw new IllegalArgumentException("no frame header");
    }

    /** An APPn segment: marker, length, payload. */
    public static byte[] segment(int marker, byte[] payload) {
        return Bin.big().u8(0xFF, marker).u16(payload.length + 2).bytes(payload).toBytes();
    }

    /** {@code jpeg} with {@code segment} placed right after SOI. */
    public static byte[] withSegment(byte[] jpeg, byte[] segment) {
        return Bin.insert(jpeg, 2, segment);
    }

    /** An APP1 Exif segment around a TIFF-structured block. */
    public static byte[] exif(byte[] tiff) {
        return segment(0xE1, Bin.concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff));
    }
}
