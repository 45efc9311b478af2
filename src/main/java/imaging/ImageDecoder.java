package imaging;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes the first frame of an inspected upload, in the decoder's own layout (colour already in sRGB);
 * {@link #toSrgb} or the first resize bring it to 8-bit BGR (ARGB when the source has alpha).
 * Decoders that pad missing data with grey only warn; such warnings fail the image instead.
 */
public final class ImageDecoder {

    /** Decoder messages meaning the data stops early (the decoder would pad the rest with grey). */
    private static final Pattern TRUNCATION = Pattern.compile("(?i)premature end|truncated|missing EOI|\\bEOF\\b");
    /** Decoder messages meaning the data is damaged; colour-management notices are not among them. */
    private static final Pattern DAMAGE = Pattern.compile("(?i)corrupt|bad huffman|invalid|unexpected marker");

    public DecodedImage decode(byte[] data, Inspection inspection) throws ImageRejectedException {
        if (inspection.format() == ImageFormat.WEBP) {
            var frame = AnimatedWebp.firstFrame(data);
            if (frame.isPresent()) {
                BufferedImage first = read(frame.get().webp(), inspection);
                BufferedImage canvas = new BufferedImage(frame.get().canvasWidth(), frame.get().canvasHeight(),
                        BufferedImage.TYPE_INT_ARGB);
                Graphics2D g = canvas.createGraphics();
                try {
                    g.drawImage(first, frame.get().x(), frame.get().y(), null);
                } finally {
                    g.dispose();
                }
                return new DecodedImage(canvas, inspection, true, ExifSummary.NONE);
            }
        }
        BufferedImage first = read(data, inspection);
        boolean animated = inspection.format() == ImageFormat.GIF && hasSecondFrame(data);
        return new DecodedImage(first, inspection, animated, ExifSummary.read(data, inspection.format()));
    }

    /** Whether a GIF goes on after its first frame: the reader skips to the second one's header. */
    private static boolean hasSecondFrame(byte[] data) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            ImageReader reader = ImageInspector.readerFor(ImageFormat.GIF);
            try {
                reader.setInput(in, true, true);
                reader.getWidth(1);
                return true;
            } finally {
                reader.dispose();
            }
        } catch (IndexOutOfBoundsException | IOException e) {
            return false;
        }
    }

    private BufferedImage read(byte[] data, Inspection inspection) throws ImageRejectedException {
        List<String> warnings = new ArrayList<>();
        BufferedImage raw;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            ImageReader reader = ImageInspector.readerFor(inspection.format());
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, message) -> warnings.add(message));
                ImageReadParam param = reader.getDefaultReadParam();
                raw = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (EOFException e) {
            throw truncated(inspection, e.getMessage());
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (TRUNCATION.matcher(message).find()) {
                throw truncated(inspection, message);
            }
            throw new ImageRejectedException(RejectReason.CORRUPT,
                    "The %s data cannot be decoded: %s".formatted(name(inspection), message), e);
        }
        for (String message : warnings) {
            if (TRUNCATION.matcher(message).find()) {
                throw truncated(inspection, message);
            }
            if (DAMAGE.matcher(message).find()) {
                throw new ImageRejectedException(RejectReason.CORRUPT,
                        "The %s data is damaged: %s".formatted(name(inspection), message));
            }
        }
        return raw;
    }

    private static ImageRejectedException truncated(Inspection inspection, String detail) {
        return new ImageRejectedException(RejectReason.TRUNCATED,
                "The %s file ends before its image data does (%s)".formatted(name(inspection), detail));
    }

    private static String name(Inspection inspection) {
        return inspection.format().id().toUpperCase(Locale.ROOT);
    }

    /**
     * Normalises any decoded layout (16-bit, palette, grey, CMYK already converted) to 8-bit 3-byte BGR,
     * or ARGB when there is alpha: the layouts the resizer and encoders work on.
     */
    static BufferedImage toSrgb(BufferedImage raw) {
        boolean alpha = raw.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR;
        if (raw.getType() == type) {
            return raw;
        }
        return Pixels.redraw(raw, type, null);
    }
}
