package imaging;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import imaging.VariantSpec.Size;
import imaging.dicom.DicomFile;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes the first frame of an inspected upload (colour already in sRGB) and brings it to 8-bit BGR
 * (ARGB when the source has alpha), scaled down to what the outputs need.
 * Decoders that pad missing data with grey only warn; such warnings fail the image instead.
 */
public final class ImageDecoder {

    /** Decoder messages meaning the data stops early (the decoder would pad the rest with grey). */
    private static final Pattern TRUNCATION = Pattern.compile("(?i)premature end|truncated|missing EOI|\\bEOF\\b");
    /** Decoder messages meaning the data is damaged; colour-management notices are not among them. */
    private static final Pattern DAMAGE = Pattern.compile("(?i)corrupt|bad huffman|invalid|unexpected marker");

    /**
     * Decodes the first frame and scales it down, still as stored, to the smallest size the outputs can
     * be made from: {@code need} gives that size for the displayed size. Turning upright comes after,
     * on the smaller picture, where it is cheap; a JPEG is scaled down while it is read. Before any pixel
     * is allocated, the heap the decode and the pictures made from it need is reserved from the budget.
     */
    DecodedImage decode(byte[] data, Inspection inspection, UnaryOperator<Size> need, RenderBudget budget)
            throws ImageRejectedException, InterruptedException {
        Size size = new Size(inspection.width(), inspection.height());
        if (inspection.format() == ImageFormat.WEBP) {
            var frame = AnimatedWebp.firstFrame(data);
            if (frame.isPresent()) {
                Size wanted = need.apply(size);
                long canvas = 4L * frame.get().canvasWidth() * frame.get().canvasHeight();
                BufferedImage first = read(frame.get().webp(), inspection,
                        ImageInspector.readerFor(inspection.format()), null,
                        reserveWhole(inspection, canvas + PixelMemory.pictures(wanted), budget), budget);
                BufferedImage canvasImage = new BufferedImage(frame.get().canvasWidth(), frame.get().canvasHeight(),
                        BufferedImage.TYPE_INT_ARGB);
                Graphics2D g = canvasImage.createGraphics();
                try {
                    g.drawImage(first, frame.get().x(), frame.get().y(), null);
                } finally {
                    g.dispose();
                }
                return new DecodedImage(shrink(canvasImage, wanted, budget.deadline()), inspection, true,
                        ExifSummary.NONE);
            }
        }
        ExifSummary exif = ExifSummary.read(data, inspection.format());
        boolean animated = inspection.format() == ImageFormat.GIF && hasSecondFrame(data);
        Orientation orientation = exif.orientationTransform();
        Size wanted = orientation.turn(need.apply(orientation.turn(size)));
        return new DecodedImage(firstFrame(data, inspection, wanted, budget), inspection, animated, exif);
    }

    /**
     * The stored pixels at the wanted size: a JPEG to be scaled down in one pass straight into the scaler
     * (when the JDK's reader can give its rows), anything else decoded whole first.
     */
    private BufferedImage firstFrame(byte[] data, Inspection inspection, Size wanted, RenderBudget budget)
            throws ImageRejectedException, InterruptedException {
        long pictures = PixelMemory.pictures(wanted);
        if (inspection.format() == ImageFormat.DICOM) {
            DicomFile dicom = DicomFile.read(data);
            budget.reserve(dicom.decodeBytes() + pictures, describe(inspection));
            return shrink(dicom.firstFrame(), wanted, budget.deadline());
        }
        if (inspection.format() == ImageFormat.JPEG
                && (wanted.width() < inspection.width() || wanted.height() < inspection.height())) {
            Optional<JpegStream> stream = JpegStream.open(data);
            if (stream.isPresent()) {
                budget.reserve(stream.get().bytes() + pictures, describe(inspection));
                BgrDownscaler scaler = new BgrDownscaler(inspection.width(), inspection.height(), wanted.width(),
                        wanted.height(), budget.deadline());
                JpegStream.Tap tap = stream.get().tap(scaler);
                read(data, inspection, JpegStream.reader(), tap.destination(), Reservation.MADE, budget);
                if (!tap.complete()) {
                    throw truncated(inspection, tap.progress());
                }
                return scaler.result();
            }
        }
        BufferedImage whole = read(data, inspection, ImageInspector.readerFor(inspection.format()), null,
                reserveWhole(inspection, pictures, budget), budget);
        return shrink(whole, wanted, budget.deadline());
    }

    /** Reserves what a whole decode by the reader takes, and then {@code after} bytes more. */
    private static Reservation reserveWhole(Inspection inspection, long after, RenderBudget budget) {
        return reader -> budget.reserve(PixelMemory.wholeDecode(reader, inspection.format()) + after,
                describe(inspection, reader.getWidth(0), reader.getHeight(0)));
    }

    /** Scaled down to the wanted size, or whole in the layout the resizer and encoders take. */
    private static BufferedImage shrink(BufferedImage pixels, Size wanted, Deadline deadline) {
        if (wanted.width() >= pixels.getWidth() && wanted.height() >= pixels.getHeight()) {
            return toSrgb(pixels);
        }
        return Resizer.resize(pixels, wanted.width(), wanted.height(), deadline);
    }

    /** Whether a GIF goes on after its first frame: the reader skips to the second one's header. */
    private static boolean hasSecondFrame(byte[] data) {
        try (ImageInputStream in = new ByteArrayImageInputStream(data)) {
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

    /**
     * Decodes the first frame with the reader (disposed after), into the destination when not null. The
     * reservation runs once the reader has its input, before any pixel is allocated; from then on the
     * budget's deadline is watched from the reader's own callbacks, which end the read when time is up.
     */
    BufferedImage read(byte[] data, Inspection inspection, ImageReader reader, BufferedImage destination,
            Reservation reservation, RenderBudget budget) throws ImageRejectedException, InterruptedException {
        List<String> warnings = new ArrayList<>();
        BufferedImage raw;
        try (ImageInputStream in = new ByteArrayImageInputStream(data)) {
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, message) -> warnings.add(message));
                reservation.reserve(reader);
                budget.deadline().watch(reader);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setDestination(destination);
                raw = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (EOFException e) {
            throw truncated(inspection, e.getMessage());
        } catch (IOException | RuntimeException e) {
            rethrowCarried(e);
            String message = String.valueOf(e.getMessage());
            if (TRUNCATION.matcher(message).find()) {
                throw truncated(inspection, message);
            }
            throw new ImageRejectedException(RejectReason.CORRUPT,
                    "The %s data cannot be decoded: %s".formatted(name(inspection), message), e);
        }
        if (budget.deadline().passed()) {
            throw budget.deadline().exceeded();
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

    /**
     * Throws what a reader may have wrapped in its own exception but is not about the data: the time
     * limit, or the heap or stack running out (the JDK's PNG reader wraps every Throwable in an
     * IIOException).
     */
    private static void rethrowCarried(Throwable e) throws ImageRejectedException {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            if (cause instanceof Rejected rejected) {
                throw rejected.rejection();
            }
            if (cause instanceof OutOfMemoryError || cause instanceof StackOverflowError) {
                throw (Error) cause;
            }
        }
    }

    /** What a decode reserves from the budget, once its reader has read the headers. */
    @FunctionalInterface
    interface Reservation {
        /** For a decode whose heap was reserved before its reader was made. */
        Reservation MADE = reader -> { };

        void reserve(ImageReader reader) throws IOException, ImageRejectedException, InterruptedException;
    }

    /** The picture, for messages. */
    private static String describe(Inspection inspection) {
        return describe(inspection, inspection.width(), inspection.height());
    }

    /** The picture (or the frame the decoder reads, when its size is not the picture's), for messages. */
    private static String describe(Inspection inspection, int width, int height) {
        return width == inspection.width() && height == inspection.height()
                ? "This %dx%d %s".formatted(width, height, name(inspection))
                : "This %s's %dx%d frame".formatted(name(inspection), width, height);
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
