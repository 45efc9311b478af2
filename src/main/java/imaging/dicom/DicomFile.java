package imaging.dicom;

import imaging.ImageRejectedException;
import imaging.Limits;
import imaging.RejectReason;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A DICOM Part 10 file (PS3.10 7.1) read for display: {@link #read(byte[], Limits)} parses and checks the
 * header without touching pixels, {@link #firstFrame()} then decodes the first frame to 8-bit BGR.
 *
 * <p>Decoded: native pixel data in Implicit VR Little Endian, Explicit VR Little or Big Endian and Deflated
 * Explicit VR Little Endian; MONOCHROME1/2 at 8 or 16 bits allocated (any bits stored, signed or not) and
 * 8-bit RGB (interleaved or planar). Grey goes through Rescale Slope/Intercept, then the file's first
 * Window Center/Width (VOI LUT Function LINEAR, LINEAR_EXACT or SIGMOID), else CT's soft-tissue window for
 * CT, else the frame's own range; MONOCHROME1 is inverted. Refused as {@code unsupported-format}, naming
 * the transfer syntax: compressed pixel data (JPEG, JPEG-LS, JPEG 2000, RLE, video...), and other layouts
 * (palette colour, YBR, float pixel data, 1 or 32 bits allocated). Not applied: VOI and Modality LUT
 * sequences, Presentation LUT Shape, pixel aspect ratio, overlays.
 *
 * <p>Only the values listed in {@link Tag#KEPT} are ever copied out of the file; no message quotes any
 * other value.
 */
public final class DicomFile {

    /** How far a Deflated dataset may inflate before its Pixel Data: headers take kilobytes. */
    static final long MAX_INFLATED_HEADER = 16L * 1024 * 1024;
    private static final int PREAMBLE = 128;
    private static final int META_START = PREAMBLE + 4;
    /** The largest frame this reader turns into one BGR array, whatever the limits. */
    private static final long MAX_BGR_BYTES = Integer.MAX_VALUE - 8;

    private final byte[] data;
    private final Parsed parsed;
    private final DicomHeader header;
    private final SampleFormat format;
    private final Greyscale greyscale;
    private final long frameBytes;

    /** The file meta information and the whitelisted header values, read up to Pixel Data. */
    private record Parsed(TransferSyntax syntax, long datasetStart, Attributes attributes) {
    }

    private DicomFile(byte[] data, Parsed parsed, DicomHeader header, SampleFormat format, Greyscale greyscale,
            long frameBytes) {
        this.data = data;
        this.parsed = parsed;
        this.header = header;
        this.format = format;
        this.greyscale = greyscale;
        this.frameBytes = frameBytes;
    }

    /**
     * Reads and checks the header against the limits: the byte limit, then the pixel limit for one frame
     * ({@code columns x rows}), before the pixel data's own checks. Allocates no pixel buffer.
     *
     * @throws ImageRejectedException {@code too-large}, {@code too-many-pixels}, {@code unsupported-format}
     *                                (naming the transfer syntax or the layout), {@code truncated},
     *                                {@code corrupt}, {@code too-complex} (a Deflated header inflating past
     *                                16 MiB), {@code not-an-image} (no DICOM preamble, or no pixel data at all)
     */
    public static DicomFile read(byte[] data, Limits limits) throws ImageRejectedException {
        if (data.length > limits.maxBytes()) {
            throw new ImageRejectedException(RejectReason.TOO_LARGE,
                    "The file has %,d bytes; the limit is %,d bytes".formatted(data.length, limits.maxBytes()));
        }
        return read(data, limits.maxPixels());
    }

    /**
     * Reads and checks the header of a file whose pixel count a caller has already checked: the decoder
     * after the inspector. Throws as {@link #read(byte[], Limits)}.
     */
    public static DicomFile read(byte[] data) throws ImageRejectedException {
        return read(data, Long.MAX_VALUE);
    }

    public DicomHeader header() {
        return header;
    }

    /**
     * The first frame as 8-bit {@link BufferedImage#TYPE_3BYTE_BGR} of {@code columns x rows} (grey in all
     * three channels).
     *
     * @throws ImageRejectedException {@code truncated} when a Deflated dataset ends before the frame does,
     *                                {@code corrupt} when its stream is damaged
     */
    public BufferedImage firstFrame() throws ImageRejectedException {
        long offset = parsed.attributes().pixelOffset();
        boolean bigEndian = parsed.syntax().order() == ByteOrder.BIG_ENDIAN;
        boolean swappedPairs = bigEndian && format.bytesPerSample() == 1 && parsed.attributes().pixelDataInWords();
        if (!parsed.syntax().deflated()) {
            return decode(new NativeFrame(data, (int) offset, bigEndian, swappedPairs, format));
        }
        try (DatasetBytes.Inflating inflated = DatasetBytes.inflating(data, (int) parsed.datasetStart(),
                MAX_INFLATED_HEADER)) {
            long end = offset + frameBytes;
            inflated.allow(end);
            if (!inflated.reach(end)) {
                throw new ImageRejectedException(RejectReason.TRUNCATED,
                        "The Deflated DICOM dataset ends before its first frame does");
            }
            return decode(new NativeFrame(inflated.array(), (int) offset, bigEndian, swappedPairs, format));
        }
    }

    /**
     * Bytes of heap {@link #firstFrame()} takes: its BGR picture and, for a Deflated dataset, the dataset
     * inflated up to the frame's end (twice that while its buffer doubles for the last time).
     */
    public long decodeBytes() {
        long picture = 3L * header.columns() * header.rows();
        return parsed.syntax().deflated() ? picture + 2 * (parsed.attributes().pixelOffset() + frameBytes) : picture;
    }

    private BufferedImage decode(NativeFrame frame) {
        return header.photometric().grey()
                ? frame.grey(header.columns(), header.rows(), greyscale)
                : frame.rgb(header.columns(), header.rows());
    }

    /** The record's summary of any readable DICOM header, decodable or not. */
    static Optional<DicomSummary> summary(byte[] data) {
        try {
            return Optional.of(DicomSummary.of(parse(data).attributes()));
        } catch (ImageRejectedException e) {
            return Optional.empty();
        }
    }

    private static DicomFile read(byte[] data, long maxPixels) throws ImageRejectedException {
        Parsed parsed = parse(data);
        Attributes a = parsed.attributes();
        TransferSyntax syntax = parsed.syntax();
        if (!syntax.decodable()) {
            throw unsupported("DICOM transfer syntax %s (%s) is not supported: this reader decodes uncompressed "
                    + "pixel data (Implicit VR Little Endian, Explicit VR Little or Big Endian, Deflated Explicit VR Little Endian)",
                    syntax.uid(), syntax.title());
        }
        if (!a.hasPixelData()) {
            if (!a.has(Tag.ROWS) && !a.has(Tag.COLUMNS)) {
                throw new ImageRejectedException(RejectReason.NOT_AN_IMAGE,
                        "The DICOM file holds no image: it has no Pixel Data element");
            }
            throw corrupt("The DICOM file has no Pixel Data element (7FE0,0010)");
        }
        int rows = a.unsignedShort(Tag.ROWS).orElse(0);
        int columns = a.unsignedShort(Tag.COLUMNS).orElse(0);
        if (rows == 0 || columns == 0) {
            throw corrupt("The DICOM header has no valid Rows (0028,0010) or Columns (0028,0011)");
        }
        long pixels = (long) columns * rows;
        if (pixels > maxPixels) {
            throw new ImageRejectedException(RejectReason.TOO_MANY_PIXELS, "%dx%d = %s, the limit is %s"
                    .formatted(columns, rows, megapixels(pixels), megapixels(maxPixels)));
        }
        if (pixels * 3 > MAX_BGR_BYTES) {
            throw new ImageRejectedException(RejectReason.TOO_MANY_PIXELS,
                    "%dx%d pixels do not fit in one picture".formatted(columns, rows));
        }
        Photometric photometric = photometric(a);
        SampleFormat format = sampleFormat(a, photometric);
        int frames = a.integer(Tag.NUMBER_OF_FRAMES).orElse(a.present(Tag.NUMBER_OF_FRAMES) ? 0 : 1);
        if (frames < 1) {
            throw corrupt("The DICOM Number of Frames (0028,0008) is not a positive integer");
        }
        long frameBytes = format.frameBytes(columns, rows);
        checkPixelData(data, parsed, format, frames, frameBytes);
        DicomSummary summary = DicomSummary.of(a);
        DicomHeader header = new DicomHeader(syntax, columns, rows, frames, photometric, format.bitsAllocated(), summary);
        return new DicomFile(data, parsed, header, format, greyscale(a, photometric, summary.modality()), frameBytes);
    }

    private static Parsed parse(byte[] data) throws ImageRejectedException {
        if (data.length < META_START || !"DICM".equals(new String(data, PREAMBLE, 4, StandardCharsets.US_ASCII))) {
            throw new ImageRejectedException(RejectReason.NOT_AN_IMAGE,
                    "The file is not a DICOM file: it has no DICM prefix after a 128-byte preamble");
        }
        // The file meta information is always Explicit VR Little Endian (PS3.10 7.1).
        DatasetWalker meta = new DatasetWalker(DatasetBytes.of(data), META_START, ByteOrder.LITTLE_ENDIAN, true);
        Attributes metaValues = meta.walk(Set.of(Tag.TRANSFER_SYNTAX_UID), 0x0002);
        if (!metaValues.has(Tag.TRANSFER_SYNTAX_UID)) {
            throw corrupt("The DICOM file meta information has no Transfer Syntax UID (0002,0010)");
        }
        String uid = metaValues.uid(Tag.TRANSFER_SYNTAX_UID)
                .orElseThrow(() -> corrupt("The DICOM Transfer Syntax UID (0002,0010) is not a valid UID"));
        TransferSyntax syntax = TransferSyntax.of(uid).orElseThrow(() -> unsupported(
                "DICOM transfer syntax %s is not supported: it is not one of the DICOM standard's", uid));
        long start = meta.position();
        if (!syntax.deflated()) {
            Attributes values = new DatasetWalker(DatasetBytes.of(data), start, syntax.order(), syntax.explicitVr())
                    .walk(Tag.KEPT, -1);
            return new Parsed(syntax, start, values);
        }
        try (DatasetBytes inflated = DatasetBytes.inflating(data, (int) start, MAX_INFLATED_HEADER)) {
            Attributes values = new DatasetWalker(inflated, 0, syntax.order(), syntax.explicitVr()).walk(Tag.KEPT, -1);
            return new Parsed(syntax, start, values);
        }
    }

    private static Photometric photometric(Attributes a) throws ImageRejectedException {
        int samples = a.unsignedShort(Tag.SAMPLES_PER_PIXEL).orElse(1);
        Optional<String> code = a.code(Tag.PHOTOMETRIC_INTERPRETATION);
        // Old ACR-NEMA files leave it out: grey for one sample, RGB for three.
        Photometric photometric = code.isEmpty()
                ? samples == 3 ? Photometric.RGB : Photometric.MONOCHROME2
                : Photometric.of(code.get()).orElseThrow(() -> unsupported(
                        "DICOM images of Photometric Interpretation %s are not supported: MONOCHROME1, MONOCHROME2 and RGB are",
                        code.get()));
        if (photometric.samplesPerPixel() != samples) {
            throw corrupt("The DICOM Photometric Interpretation %s does not match %d samples per pixel"
                    .formatted(photometric, samples));
        }
        return photometric;
    }

    private static SampleFormat sampleFormat(Attributes a, Photometric photometric) throws ImageRejectedException {
        int allocated = a.unsignedShort(Tag.BITS_ALLOCATED)
                .orElseThrow(() -> corrupt("The DICOM header has no Bits Allocated (0028,0100)"));
        if (photometric.grey() ? allocated != 8 && allocated != 16 : allocated != 8) {
            throw unsupported("DICOM %s images with %d bits allocated are not supported: %s", photometric, allocated,
                    photometric.grey() ? "8 or 16 are" : "8 are");
        }
        int stored = a.unsignedShort(Tag.BITS_STORED).orElse(allocated);
        int highBit = a.unsignedShort(Tag.HIGH_BIT).orElse(stored - 1);
        if (stored < 1 || stored > allocated || highBit < stored - 1 || highBit >= allocated) {
            throw corrupt("The DICOM sample layout is inconsistent: %d bits allocated, %d stored, high bit %d"
                    .formatted(allocated, stored, highBit));
        }
        if (!photometric.grey() && stored != 8) {
            throw unsupported("DICOM RGB images with %d bits stored are not supported: 8 are", stored);
        }
        int representation = a.unsignedShort(Tag.PIXEL_REPRESENTATION).orElse(0);
        if (representation > 1) {
            throw corrupt("The DICOM Pixel Representation (0028,0103) is neither 0 nor 1");
        }
        int planar = a.unsignedShort(Tag.PLANAR_CONFIGURATION).orElse(0);
        return new SampleFormat(photometric.samplesPerPixel(), allocated, stored, highBit,
                representation == 1 && photometric.grey(), !photometric.grey() && planar == 1);
    }

    /** Pixel Data holds every frame the header announces, within the file. */
    private static void checkPixelData(byte[] data, Parsed parsed, SampleFormat format, int frames, long frameBytes)
            throws ImageRejectedException {
        long offset = parsed.attributes().pixelOffset();
        long length = parsed.attributes().pixelLength();
        if (length == Attributes.ENCAPSULATED) {
            throw corrupt("The DICOM Pixel Data is encapsulated, but its transfer syntax is an uncompressed one");
        }
        if (!parsed.syntax().deflated() && offset + length > data.length) {
            throw new ImageRejectedException(RejectReason.TRUNCATED, "The DICOM file ends %,d bytes into its %,d bytes of Pixel Data"
                    .formatted(data.length - offset, length));
        }
        // 8-bit samples in 16-bit words are read in pairs: the frame takes a whole number of words.
        long needed = parsed.syntax().order() == ByteOrder.BIG_ENDIAN && parsed.attributes().pixelDataInWords()
                ? (frameBytes + 1) & ~1L : frameBytes;
        if (needed > length || frames > length / frameBytes) {
            throw corrupt("The DICOM Pixel Data holds %,d bytes; %d frame(s) of %,d bytes are announced"
                    .formatted(length, frames, frameBytes));
        }
    }

    /** The file's first window when valid for its function, else the modality's default, else none (the data's range). */
    private static Greyscale greyscale(Attributes a, Photometric photometric, String modality) {
        double slope = a.decimal(Tag.RESCALE_SLOPE).orElse(1);
        if (slope == 0) {
            // A zero slope would flatten every value: read it as absent, like a missing one.
            slope = 1;
        }
        double intercept = a.decimal(Tag.RESCALE_INTERCEPT).orElse(0);
        VoiFunction function = a.code(Tag.VOI_LUT_FUNCTION).flatMap(VoiFunction::of).orElse(VoiFunction.LINEAR);
        OptionalDouble center = a.decimal(Tag.WINDOW_CENTER);
        OptionalDouble width = a.decimal(Tag.WINDOW_WIDTH);
        Window window = null;
        if (center.isPresent() && width.isPresent() && function.accepts(width.getAsDouble())) {
            window = new Window(center.getAsDouble(), width.getAsDouble(), function);
        } else if ("CT".equals(modality)) {
            window = Window.CT_SOFT_TISSUE;
        }
        return new Greyscale(slope, intercept, window, photometric == Photometric.MONOCHROME1);
    }

    private static ImageRejectedException unsupported(String format, Object... args) {
        return new ImageRejectedException(RejectReason.UNSUPPORTED_FORMAT, format.formatted(args));
    }

    private static ImageRejectedException corrupt(String message) {
        return new ImageRejectedException(RejectReason.CORRUPT, message);
    }

    private static String megapixels(long pixels) {
        return "%d Mpx".formatted(Math.round(pixels / 1_000_000.0));
    }
}
