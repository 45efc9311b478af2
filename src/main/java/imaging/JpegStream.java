package imaging;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * A JPEG decoded in one pass, each row handed to a {@link RowSink} as soon as the decoder has made it, so
 * the picture never sits in the heap whole (a 24 MP photo is 72 MB of BGR bytes; its rows on the way, a
 * few hundred KB) and nothing is decoded twice.
 *
 * <p>The JDK's own JPEG reader decodes row by row into its destination's raster
 * ({@code JPEGImageReader.acceptPixels}: {@code WritableRaster.setRect}, then the update listeners, on the
 * reading thread). Here the destination is a raster without storage that turns each row into ints and
 * hands it on. That reader also converts an embedded ICC profile to sRGB row by row, turns grey into RGB,
 * and pads a truncated file with grey, which it reports as a warning (on which the image fails).
 *
 * <p>A JPEG of several scans (progressive) is turned into pixels once per scan: the reader runs libjpeg in
 * buffered-image mode and outputs the whole picture after each scan. {@code setSourceProgressivePasses}
 * cannot ask for the last one only: the native reader skips passes by renumbering the scans it reads, so
 * pass 9 of a 10-scan file comes out as the picture of its first scan, a blur. So every pass is decoded
 * and only the rows of the last, counted by the structure reader ({@link Inspection#scans()}), are handed
 * on; the scan limit and the time limit bound the rest.
 */
final class JpegStream {

    /** The JDK's reader, found by name among those installed (TwelveMonkeys', which comes first, wraps it). */
    private static final String JDK_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";
    /** Heap per column for the rows on their way: the reader's row, its ints, and the scaler's sums and ring. */
    private static final long BYTES_PER_COLUMN = 256;

    private final int width;
    private final int height;
    private final Inspection inspection;

    private JpegStream(int width, int height, Inspection inspection) {
        this.width = width;
        this.height = height;
        this.inspection = inspection;
    }

    /**
     * Reads the JPEG's headers; empty when the JDK's reader cannot give it as sRGB rows as this engine's
     * JPEG reader would read it: CMYK or YCCK, alpha, colours the two readers take differently, a header
     * it cannot parse. Such a JPEG is decoded whole, if it fits.
     *
     * @param data       the bytes the decoder reads ({@code Structures.forDecoder})
     * @param inspection its structure: scans, and the coefficients libjpeg keeps outside the heap
     */
    static Optional<JpegStream> open(byte[] data, Inspection inspection) {
        Optional<ImageReader> found = jdkReader();
        if (inspection.format() != ImageFormat.JPEG || inspection.scans() < 1 || found.isEmpty()) {
            return Optional.empty();
        }
        ImageReader reader = found.get();
        try (ImageInputStream in = new ByteArrayImageInputStream(data)) {
            reader.setInput(in, true, true);
            return sameColours(reader, data)
                    ? Optional.of(new JpegStream(reader.getWidth(0), reader.getHeight(0), inspection))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            reader.dispose();
        }
    }

    /**
     * Memory the decode takes beside the pictures made from it: the rows on their way through the scaler,
     * and for a JPEG of several scans the coefficients libjpeg keeps for the whole picture, outside the
     * heap but inside the process.
     */
    long bytes() {
        return BYTES_PER_COLUMN * width + inspection.nativeBytes();
    }

    /** A destination for the JDK's reader that hands the rows of the last scan to the sink, top to bottom. */
    Tap tap(RowSink sink) {
        return new Tap(new TapRaster(width, height, inspection.scans() - 1, sink));
    }

    /** The JDK's reader: the one that can write into a {@link Tap}. */
    static ImageReader reader() {
        return jdkReader().orElseThrow(() -> new IllegalStateException("The JDK's JPEG reader is not installed"));
    }

    /** The destination, and once read, whether every row of the last scan came. */
    static final class Tap {
        private final TapRaster raster;
        private final BufferedImage image;

        private Tap(TapRaster raster) {
            this.raster = raster;
            ColorSpace srgb = ColorSpace.getInstance(ColorSpace.CS_sRGB);
            this.image = new BufferedImage(new ComponentColorModel(srgb, false, false, Transparency.OPAQUE,
                    DataBuffer.TYPE_BYTE), raster, false, null);
        }

        BufferedImage destination() {
            return image;
        }

        /** Whether the sink got every row of the picture from the last scan. */
        boolean complete() {
            return raster.pass == raster.lastPass && raster.rows == raster.getHeight();
        }

        String progress() {
            return "%d of %d scans, %d of %d rows of the last".formatted(raster.pass + 1, raster.lastPass + 1,
                    raster.pass == raster.lastPass ? raster.rows : 0, raster.getHeight());
        }
    }

    /**
     * A raster with no pixels of its own: the reader sets one row at a time, from the top again for each
     * scan, and the rows of the last scan are handed on as ints (B, G, R).
     */
    private static final class TapRaster extends WritableRaster {
        private final RowSink sink;
        private final int lastPass;
        private final int[] row;
        private int pass = -1;
        private int rows;

        TapRaster(int width, int height, int lastPass, RowSink sink) {
            super(new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, width, height, 3, 3 * width,
                    new int[] {2, 1, 0}), new DataBufferByte(1), new Point(0, 0));
            this.sink = sink;
            this.lastPass = lastPass;
            this.row = new int[3 * width];
        }

        @Override
        public void setRect(int dx, int dy, Raster source) {
            if (dy == 0) {
                pass++;
                rows = 0;
            }
            if (pass != lastPass) {
                return;
            }
            if (dx != 0 || dy != rows || source.getWidth() != getWidth() || source.getHeight() != 1) {
                throw new IllegalStateException("The JPEG reader set row " + dy + " where row " + rows + " was due");
            }
            ComponentSampleModel model = (ComponentSampleModel) source.getSampleModel();
            byte[] data = ((DataBufferByte) source.getDataBuffer()).getData();
            int stride = model.getPixelStride();
            int[] offsets = model.getBandOffsets();
            int at = model.getOffset(-source.getSampleModelTranslateX(), -source.getSampleModelTranslateY());
            for (int i = 0; i < row.length; i += 3, at += stride) {
                row[i] = data[at + offsets[2]] & 0xFF;
                row[i + 1] = data[at + offsets[1]] & 0xFF;
                row[i + 2] = data[at + offsets[0]] & 0xFF;
            }
            sink.accept(row);
            rows++;
        }
    }

    private static Optional<ImageReader> jdkReader() {
        for (Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg"); readers.hasNext();) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().equals(JDK_READER)) {
                return Optional.of(reader);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether both readers see 8-bit RGB (or grey) without alpha: TwelveMonkeys' guesses the colour
     * space from more markers and component ids than libjpeg's rules, and converts CMYK and YCCK.
     */
    private static boolean sameColours(ImageReader jdk, byte[] data) throws IOException {
        ImageReader engine = ImageInspector.readerFor(ImageFormat.JPEG);
        try (ImageInputStream in = new ByteArrayImageInputStream(data)) {
            engine.setInput(in, true, true);
            ImageTypeSpecifier ours = engine.getRawImageType(0);
            ImageTypeSpecifier theirs = jdk.getRawImageType(0);
            if (ours == null || theirs == null || ours.getColorModel().hasAlpha()
                    || theirs.getColorModel().hasAlpha()) {
                return false;
            }
            int type = ours.getColorModel().getColorSpace().getType();
            return (type == ColorSpace.TYPE_RGB || type == ColorSpace.TYPE_GRAY)
                    && type == theirs.getColorModel().getColorSpace().getType();
        } finally {
            engine.dispose();
        }
    }
}
