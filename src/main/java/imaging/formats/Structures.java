package imaging.formats;

import imaging.ImageFormat;
import imaging.ImageRejectedException;
import imaging.Inspection;
import imaging.Limits;
import imaging.dicom.DicomFile;
import imaging.dicom.DicomHeader;
import java.util.Locale;
import java.util.Optional;

/**
 * The bounded structure readers, one per decodable format (DICOM's lives in imaging.dicom): each reads the
 * container, never the pixels, iteratively, checking every size it reads against the limits (in 64-bit
 * arithmetic) before anything is allocated for it, and judging truncation from the structure.
 */
public final class Structures {

    private Structures() {
    }

    /**
     * Reads the structure of a file whose format the sniffer told.
     *
     * @throws ImageRejectedException {@code too-many-pixels} (the picture, or a frame, tile or embedded
     *         picture the decoder would allocate), {@code too-complex} (JPEG scans), {@code truncated},
     *         {@code corrupt}, or {@code unsupported-format} naming the coding
     */
    public static Inspection inspect(ImageFormat format, byte[] data, Limits limits) throws ImageRejectedException {
        Budget budget = new Budget(limits, format == ImageFormat.WEBP ? "WebP" : format.id().toUpperCase(Locale.ROOT));
        return switch (format) {
            case JPEG -> JpegStructure.read(data, budget);
            case PNG -> PngStructure.read(data, budget);
            case GIF -> GifStructure.read(data, budget);
            case WEBP -> WebpStructure.read(data, budget);
            case TIFF -> TiffStructure.read(data, budget);
            case BMP -> BmpStructure.read(data, budget);
            case DICOM -> dicom(data, limits, budget);
            default -> throw new IllegalArgumentException(format + " has no structure reader");
        };
    }

    /** DICOM's own bounded reader (imaging.dicom) reads the header and checks it against the limits. */
    private static Inspection dicom(byte[] data, Limits limits, Budget budget) throws ImageRejectedException {
        DicomHeader header = DicomFile.read(data, limits).header();
        budget.canvas(header.columns(), header.rows());
        return new Inspection(ImageFormat.DICOM, header.columns(), header.rows(), data.length);
    }

    /**
     * The first frame of an animation as a still file of the same format, where the decoder cannot read
     * it in place: an animated WebP's first frame, an APNG's first frame when the default image is not
     * part of the animation. Empty when the decoder reads the first frame from the file itself.
     */
    public static Optional<byte[]> firstFrameStill(ImageFormat format, byte[] data) {
        return switch (format) {
            case PNG -> PngStructure.firstFrameStill(data);
            case WEBP -> WebpStructure.firstFrameStill(data);
            default -> Optional.empty();
        };
    }

    /**
     * The bytes to hand the decoder: the file, or a copy without a colour profile the decoder would
     * fail on or allocate for needlessly (an unusable profile is ignored: the picture is taken as sRGB).
     */
    public static byte[] forDecoder(ImageFormat format, byte[] data) {
        return switch (format) {
            case JPEG -> JpegStructure.forDecoder(data);
            case BMP -> BmpStructure.forDecoder(data);
            default -> data;
        };
    }
}
