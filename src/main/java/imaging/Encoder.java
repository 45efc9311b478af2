package imaging;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes pixels as JPEG, WebP or PNG. Nothing but pixels is written: no EXIF, XMP or GPS from the source
 * can reach an output.
 */
public final class Encoder {

    /**
     * libwebp's method (sharp calls it effort), 0 fastest to 6 smallest: 4 is libwebp's and sharp's
     * default, the balance of size and time most sites use.
     */
    public static final int WEBP_EFFORT = 4;

    private Encoder() {
    }

    /** The settings every output shares, for benchmarks that must use the same on the other side. */
    public static String settings() {
        return "jpeg chroma 4:2:0 optimised huffman, webp effort " + WEBP_EFFORT;
    }

    public static byte[] encode(BufferedImage image, OutputFormat format, int quality, boolean progressive) {
        return switch (format) {
            case JPEG -> write(flatten(image), "jpeg", jpegParam(quality, progressive));
            case WEBP -> write(image, "webp", webpParam(quality));
            case PNG -> write(image, "png", null);
        };
    }

    private static ImageWriteParam jpegParam(int quality, boolean progressive) {
        JPEGImageWriteParam param = new JPEGImageWriteParam(Locale.ROOT);
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
        // Huffman tables fitted to the image: a few percent smaller at no loss (progressive always does).
        param.setOptimizeHuffmanTables(true);
        return param;
    }

    private static ImageWriteParam webpParam(int quality) {
        WebPWriteParam param = new WebPWriteParam(Locale.ROOT);
        param.setCompressionType(CompressionType.Lossy);
        param.setCompressionQuality(quality / 100f);
        param.setMethod(WEBP_EFFORT);
        return param;
    }

    private static byte[] write(BufferedImage image, String formatName, ImageWriteParam param) {
        ImageWriter writer = writer(formatName);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Encoding " + formatName + " failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageWriter writer(String formatName) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(formatName);
        if (!writers.hasNext()) {
            throw new IllegalStateException("No ImageIO writer is installed for " + formatName);
        }
        return writers.next();
    }

    /** JPEG has no alpha: transparent pixels are laid on white, as browsers show them on a page. */
    private static BufferedImage flatten(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        return Pixels.redraw(image, BufferedImage.TYPE_3BYTE_BGR, Color.WHITE);
    }
}
