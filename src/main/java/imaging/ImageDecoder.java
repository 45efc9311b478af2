package imaging;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import imaging.VariantSpec.Size;
import imaging.dicom.DicomFile;
import imaging.formats.Structures;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes the first frame of an inspected upload (colour already in sRGB) and brings it to 8-bit BGR
 * (ARGB when the source has alpha), scaled down to what the outputs need. The first frame of an
 * animation is drawn at its place on a transparent canvas of the picture's size. Decoder warnings are
 * judged by kind ({@link DecoderVerdict}): a decoder that pads damaged data with grey fails the image.
 */
public final class ImageDecoder {

    /**
     * Decodes the first frame and scales it down, still as stored, to the smallest size the outputs can
     * be made from: {@code need} gives that size for the displayed size. Turning upright comes after,
     * on the smaller picture, where it is cheap; a large JPEG is scaled down while it is read.
     */
    public DecodedImage decode(byte[] data, Inspection inspection, UnaryOperator<Size> need)
            throws ImageRejectedException {
        Size size = new Size(inspection.width(), inspection.height());
        ExifSummary exif = ExifSummary.read(data, inspection);
        Orientation orientation = exif.orientationTransform();
        Size wanted = orientation.turn(need.apply(orientation.turn(size)));
        return new DecodedImage(firstFrame(data, inspection, wanted), inspection, inspection.animated(), exif);
    }

    /**
     * The stored pixels at the wanted size: a DICOM file's first frame, an animation's first frame on its
     * canvas, a JPEG over
     * {@link JpegBands#THRESHOLD_PIXELS} band by band straight into the downscaler, anything else decoded
     * whole first.
     */
    private BufferedImage firstFrame(byte[] data, Inspection inspection, Size wanted) throws ImageRejectedException {
        if (inspection.format() == ImageFormat.DICOM) {
            return shrink(DicomFile.read(data).firstFrame(), wanted);
        }
        Optional<byte[]> still = Structures.firstFrameStill(inspection.format(), data);
        if (still.isPresent() || inspection.framed()) {
            return shrink(onCanvas(visiblePart(still.orElse(data), inspection), inspection), wanted);
        }
        if (inspection.format() == ImageFormat.JPEG && inspection.pixels() > JpegBands.THRESHOLD_PIXELS
                && (wanted.width() < inspection.width() || wanted.height() < inspection.height())) {
            try {
                return BgrDownscaler.scale(new JpegBands(this, data, inspection), wanted.width(), wanted.height());
            } catch (JpegBands.Rejected e) {
                throw e.rejection();
            }
        }
        return shrink(read(data, inspection, null), wanted);
    }

    /** Scaled down to the wanted size, or whole in the layout the resizer and encoders take. */
    private static BufferedImage shrink(BufferedImage pixels, Size wanted) {
        if (wanted.width() >= pixels.getWidth() && wanted.height() >= pixels.getHeight()) {
            return toSrgb(pixels);
        }
        return Resizer.resize(pixels, wanted.width(), wanted.height());
    }

    /**
     * The part of the first frame that lies on the canvas (a GIF frame may reach past its screen): only
     * that part is decoded into memory; null when none of it does.
     */
    private BufferedImage visiblePart(byte[] data, Inspection inspection) throws ImageRejectedException {
        Area frame = inspection.frame();
        int width = Math.min(frame.width(), inspection.width() - frame.x());
        int height = Math.min(frame.height(), inspection.height() - frame.y());
        if (width <= 0 || height <= 0) {
            return null;
        }
        boolean whole = width == frame.width() && height == frame.height();
        return read(data, inspection, whole ? null : new Rectangle(0, 0, width, height));
    }

    /**
     * The first frame (null: none of it shows) drawn at its place on a transparent canvas of the picture's
     * size, clipped to it (a GIF's background counts as transparent); the frame itself when it is the
     * whole canvas.
     */
    private static BufferedImage onCanvas(BufferedImage frame, Inspection inspection) {
        Area at = inspection.frame();
        if (frame != null && at.x() == 0 && at.y() == 0 && frame.getWidth() == inspection.width()
                && frame.getHeight() == inspection.height()) {
            return frame;
        }
        BufferedImage canvas = new BufferedImage(inspection.width(), inspection.height(), BufferedImage.TYPE_INT_ARGB);
        if (frame != null) {
            Graphics2D g = canvas.createGraphics();
            try {
                g.drawImage(frame, at.x(), at.y(), null);
            } finally {
                g.dispose();
            }
        }
        return canvas;
    }

    /** Decodes the first frame, or the given region of it (null for all). */
    BufferedImage read(byte[] data, Inspection inspection, Rectangle region) throws ImageRejectedException {
        List<String> warnings = new ArrayList<>();
        BufferedImage raw;
        try (ImageInputStream in = new ByteArrayImageInputStream(Structures.forDecoder(inspection.format(), data))) {
            ImageReader reader = ImageInspector.readerFor(inspection.format());
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, message) -> warnings.add(message));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceRegion(region);
                raw = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw DecoderVerdict.ofFailure(e, inspection.format());
        }
        for (String message : warnings) {
            ImageRejectedException rejection = DecoderVerdict.ofWarning(message, inspection.format());
            if (rejection != null) {
                throw rejection;
            }
        }
        return raw;
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
