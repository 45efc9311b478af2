package imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes the first frame of an inspected upload into 8-bit sRGB (ARGB when the source has alpha).
 * Decoders that pad missing data with grey only warn; any such warning fails the image instead.
 */
public final class ImageDecoder {

    public DecodedImage decode(byte[] data, Inspection inspection) throws ImageRejectedException {
        AtomicReference<String> warning = new AtomicReference<>();
        BufferedImage raw;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            ImageReader reader = ImageInspector.readerFor(inspection.format());
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, message) -> warning.compareAndSet(null, message));
                ImageReadParam param = reader.getDefaultReadParam();
                raw = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (EOFException e) {
            throw truncated(inspection, e.getMessage());
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.toLowerCase(Locale.ROOT).contains("premature end") || message.contains("EOF")) {
                throw truncated(inspection, message);
            }
            throw new ImageRejectedException(RejectReason.CORRUPT,
                    "The %s data cannot be decoded: %s".formatted(name(inspection), message), e);
        }
        if (warning.get() != null) {
            String message = warning.get();
            if (message.toLowerCase(Locale.ROOT).contains("premature end")) {
                throw truncated(inspection, message);
            }
            throw new ImageRejectedException(RejectReason.CORRUPT,
                    "The %s data is damaged: %s".formatted(name(inspection), message));
        }
        return new DecodedImage(toSrgb(raw), inspection, Orientation.read(data, inspection.format()));
    }

    private static ImageRejectedException truncated(Inspection inspection, String detail) {
        return new ImageRejectedException(RejectReason.TRUNCATED,
                "The %s file ends before its image data does (%s)".formatted(name(inspection), detail));
    }

    private static String name(Inspection inspection) {
        return inspection.format().id().toUpperCase(Locale.ROOT);
    }

    /** Normalises any decoded layout (16-bit, palette, grey, CMYK already converted) to INT RGB/ARGB. */
    static BufferedImage toSrgb(BufferedImage raw) {
        boolean alpha = raw.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (raw.getType() == type) {
            return raw;
        }
        return Pixels.redraw(raw, type, null);
    }
}
