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
import java.util.Locale;
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
     * on the smaller picture, where it is cheap; a JPEG is scaled down while it is read. Before any pixel
     * is allocated, the heap the decode and the pictures made from it need is reserved from the budget.
     */
    DecodedImage decode(byte[] data, Inspection inspection, UnaryOperator<Size> need, RenderBudget budget)
            throws ImageRejectedException, InterruptedException {
        Size size = new Size(inspection.width(), inspection.height());
        ExifSummary exif = ExifSummary.read(data, inspection);
        Orientation orientation = exif.orientationTransform();
        Size wanted = orientation.turn(need.apply(orientation.turn(size)));
        return new DecodedImage(firstFrame(data, inspection, wanted, budget), inspection, inspection.animated(), exif);
    }

    /**
     * The stored pixels at the wanted size: a DICOM file's first frame, an animation's first frame on its
     * canvas, a JPEG to be scaled down in one pass straight into the scaler (when the JDK's reader can
     * give its rows), anything else decoded whole first.
     */
    private BufferedImage firstFrame(byte[] data, Inspection inspection, Size wanted, RenderBudget budget)
            throws ImageRejectedException, InterruptedException {
        long pictures = PixelMemory.pictures(wanted);
        if (inspection.format() == ImageFormat.DICOM) {
            DicomFile dicom = DicomFile.read(data);
            budget.reserve(dicom.decodeBytes() + pictures, describe(inspection));
            return shrink(dicom.firstFrame(), wanted, budget.deadline());
        }
        Optional<byte[]> still = Structures.firstFrameStill(inspection.format(), data);
        byte[] decodable = still.orElseGet(() -> Structures.forDecoder(inspection.format(), data));
        if (still.isPresent() || inspection.framed()) {
            long canvas = inspection.framed() ? 4 * inspection.pixels() : 0;
            BufferedImage frame = visiblePart(decodable, inspection, canvas + pictures, budget);
            return shrink(onCanvas(frame, inspection), wanted, budget.deadline());
        }
        if (inspection.format() == ImageFormat.JPEG
                && (wanted.width() < inspection.width() || wanted.height() < inspection.height())) {
            Optional<JpegStream> stream = JpegStream.open(decodable, inspection);
            if (stream.isPresent()) {
                budget.reserve(stream.get().bytes() + pictures, describe(inspection));
                BgrDownscaler scaler = new BgrDownscaler(inspection.width(), inspection.height(), wanted.width(),
                        wanted.height(), budget.deadline());
                JpegStream.Tap tap = stream.get().tap(scaler);
                read(decodable, inspection, JpegStream.reader(), tap.destination(), null, Reservation.MADE, budget);
                if (!tap.complete()) {
                    throw DecoderVerdict.truncated(inspection.format(), tap.progress());
                }
                return scaler.result();
            }
        }
        BufferedImage whole = read(decodable, inspection, ImageInspector.readerFor(inspection.format()), null, null,
                reserve(inspection, null, pictures, budget), budget);
        return shrink(whole, wanted, budget.deadline());
    }

    /**
     * Reserves what the reader's decode of the region (null: all of the frame) takes, with a TIFF's
     * largest tile or strip, what the decoder holds outside the heap, and then {@code after} bytes more.
     */
    private static Reservation reserve(Inspection inspection, Rectangle region, long after, RenderBudget budget) {
        return reader -> {
            int width = region == null ? reader.getWidth(0) : region.width;
            int height = region == null ? reader.getHeight(0) : region.height;
            long piece = inspection.format() == ImageFormat.TIFF ? PixelMemory.piece(reader, inspection.tile()) : 0;
            budget.reserve(PixelMemory.decode(reader, inspection.format(), (long) width * height) + piece
                    + inspection.nativeBytes() + after, describe(inspection, width, height));
        };
    }

    /** Scaled down to the wanted size, or whole in the layout the resizer and encoders take. */
    private static BufferedImage shrink(BufferedImage pixels, Size wanted, Deadline deadline) {
        if (wanted.width() >= pixels.getWidth() && wanted.height() >= pixels.getHeight()) {
            return toSrgb(pixels);
        }
        return Resizer.resize(pixels, wanted.width(), wanted.height(), deadline);
    }

    /**
     * The part of the first frame that lies on the canvas (a GIF frame may reach past its screen): only
     * that part is decoded into memory, after {@code after} bytes more are reserved for what is made from
     * it; null when none of it does (then only those bytes are reserved).
     */
    private BufferedImage visiblePart(byte[] data, Inspection inspection, long after, RenderBudget budget)
            throws ImageRejectedException, InterruptedException {
        Area frame = inspection.frame();
        int width = Math.min(frame.width(), inspection.width() - frame.x());
        int height = Math.min(frame.height(), inspection.height() - frame.y());
        if (width <= 0 || height <= 0) {
            budget.reserve(after, describe(inspection));
            return null;
        }
        Rectangle region = width == frame.width() && height == frame.height() ? null
                : new Rectangle(0, 0, width, height);
        return read(data, inspection, ImageInspector.readerFor(inspection.format()), null, region,
                reserve(inspection, region, after, budget), budget);
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

    /**
     * Decodes the first frame, or the given region of it (null for all), with the reader (disposed after),
     * into the destination when not null. The reservation runs once the reader has its input, before any
     * pixel is allocated; from then on the budget's deadline is watched from the reader's own callbacks,
     * which end the read when time is up.
     */
    BufferedImage read(byte[] data, Inspection inspection, ImageReader reader, BufferedImage destination,
            Rectangle region, Reservation reservation, RenderBudget budget)
            throws ImageRejectedException, InterruptedException {
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
                param.setSourceRegion(region);
                raw = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            rethrowCarried(e);
            throw DecoderVerdict.ofFailure(e, inspection.format());
        }
        if (budget.deadline().passed()) {
            throw budget.deadline().exceeded();
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

    private static String name(Inspection inspection) {
        return inspection.format() == ImageFormat.WEBP ? "WebP" : inspection.format().id().toUpperCase(Locale.ROOT);
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
