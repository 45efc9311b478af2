package imaging;

import imaging.dicom.DicomFile;
import imaging.dicom.DicomHeader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The gate in front of the decoder: the real type from magic bytes, the byte limit, and the pixel limit
 * from the header only, so a decompression bomb is refused before any pixel buffer exists.
 */
public final class ImageInspector {

    private final Limits limits;

    public ImageInspector(Limits limits) {
        this.limits = limits;
    }

    /** Refuses a declared size over the byte limit before anything is downloaded. */
    public void checkSize(long bytes) throws ImageRejectedException {
        if (bytes == 0) {
            throw new ImageRejectedException(RejectReason.NOT_AN_IMAGE, "The file is empty");
        }
        if (bytes > limits.maxBytes()) {
            throw new ImageRejectedException(RejectReason.TOO_LARGE,
                    "The file has %,d bytes; the limit is %,d bytes".formatted(bytes, limits.maxBytes()));
        }
    }

    public Inspection inspect(byte[] data) throws ImageRejectedException {
        checkSize(data.length);
        ImageFormat format = FormatSniffer.sniff(Arrays.copyOf(data, Math.min(data.length, FormatSniffer.HEAD_BYTES)))
                .orElseThrow(() -> new ImageRejectedException(RejectReason.NOT_AN_IMAGE,
                        "The file is not an image: its first bytes match no known image format"));
        if (!format.decodable()) {
            throw new ImageRejectedException(RejectReason.UNSUPPORTED_FORMAT,
                    "%s images are not supported; send JPEG, PNG, GIF, WebP, TIFF, BMP or DICOM"
                            .formatted(format.id().toUpperCase(Locale.ROOT)));
        }
        int[] size = format == ImageFormat.DICOM ? dicomSize(data) : headerSize(format, data);
        Inspection inspection = new Inspection(format, size[0], size[1], data.length);
        if (inspection.pixels() > limits.maxPixels()) {
            throw new ImageRejectedException(RejectReason.TOO_MANY_PIXELS,
                    "%dx%d = %s, the limit is %s".formatted(size[0], size[1],
                            megapixels(inspection.pixels()), megapixels(limits.maxPixels())));
        }
        return inspection;
    }

    private int[] dicomSize(byte[] data) throws ImageRejectedException {
        DicomHeader header = DicomFile.read(data, limits).header();
        return new int[] {header.columns(), header.rows()};
    }

    private static int[] headerSize(ImageFormat format, byte[] data) throws ImageRejectedException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            ImageReader reader = readerFor(format);
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException(RejectReason.CORRUPT,
                    "The %s header cannot be read: %s".formatted(format.id().toUpperCase(Locale.ROOT), e.getMessage()), e);
        }
    }

    static ImageReader readerFor(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.id());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader is installed for " + format.id());
        }
        return readers.next();
    }

    private static String megapixels(long pixels) {
        return "%d Mpx".formatted(Math.round(pixels / 1_000_000.0));
    }
}
