package imaging;

import imaging.formats.Structures;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * The gate in front of the decoder: the byte limit, the real type from magic bytes, then the file's
 * structure read by a bounded reader of its format ({@link Structures}), which checks every size the
 * decoder would allocate for (the picture, frames, tiles, strips, embedded pictures) against the pixel
 * limit, the JPEG scan count, truncation and codings the decoder cannot read. A decompression bomb is
 * refused before any pixel buffer exists.
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

    /**
     * What the file is, every size in it checked.
     *
     * @throws ImageRejectedException {@code not-an-image}, {@code too-large}, {@code unsupported-format},
     *         {@code too-many-pixels}, {@code too-complex}, {@code truncated} or {@code corrupt}
     */
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
        return Structures.inspect(format, data, limits);
    }

    static ImageReader readerFor(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.id());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader is installed for " + format.id());
        }
        return readers.next();
    }
}
