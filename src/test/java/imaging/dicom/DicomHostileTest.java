package imaging.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imaging.ImageRejectedException;
import imaging.Limits;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken and hostile DICOM files end with a precise code and a readable reason, never a crash or a hang. */
class DicomHostileTest {

    private static final int PATIENT_NAME = 0x0010_0010;
    private static final int PRIVATE_BLOB = 0x0009_1010;
    private static final int OTHER_PATIENT_IDS_SEQUENCE = 0x0010_1002;

    /** A valid 2x2 16-bit grey header, ready for its Pixel Data. */
    private static DicomWriter grey2x2() {
        return new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).grey("MONOCHROME2", 2, 2, 16, 16, false);
    }

    @Test
    void hugeRowsAndColumnsAreRefusedFromTheHeader() {
        byte[] file = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .grey("MONOCHROME2", 65535, 65535, 16, 16, false).pixels16(0, 0).bytes();
        ImageRejectedException e = rejected("too-many-pixels", file);
        assertTrue(e.getMessage().contains("65535x65535"), e.getMessage());
    }

    @Test
    void pixelDataLongerThanTheFileIsTruncated() {
        byte[] file = grey2x2().header(Tag.PIXEL_DATA, "OW", 8).raw(new byte[5]).bytes();
        rejected("truncated", file);
    }

    @Test
    void anElementLengthPastTheEndIsTruncated() {
        byte[] file = grey2x2().header(PATIENT_NAME, "UT", 0x7FFF_FFF0L).raw(new byte[16]).bytes();
        rejected("truncated", file);
    }

    @Test
    void aSequenceThatNeverEndsIsTruncated() {
        DicomWriter writer = grey2x2().header(OTHER_PATIENT_IDS_SEQUENCE, "SQ", 0xFFFF_FFFFL)
                .delimiter(Tag.ITEM, 0xFFFF_FFFFL);
        for (int i = 0; i < 1000; i++) {
            writer.text(0x0010_0020, "LO", "ID" + i);
        }
        rejected("truncated", writer.bytes());
    }

    @Test
    void sequencesNestedWithoutEndAreRefusedWithoutRecursion() {
        DicomWriter writer = grey2x2();
        for (int i = 0; i < 100_000; i++) {
            writer.header(OTHER_PATIENT_IDS_SEQUENCE, "SQ", 0xFFFF_FFFFL).delimiter(Tag.ITEM, 0xFFFF_FFFFL);
        }
        ImageRejectedException e = rejected("corrupt", writer.pixels16(1, 2, 3, 4).bytes());
        assertTrue(e.getMessage().contains("nest"), e.getMessage());
    }

    @Test
    void aMillionEmptyItemsAreWalkedInLinearTime() throws Exception {
        DicomWriter writer = grey2x2().header(OTHER_PATIENT_IDS_SEQUENCE, "SQ", 0xFFFF_FFFFL);
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        byte[] emptyItem = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0xFFFE)
                .putShort((short) 0xE000).putInt(0).array();
        for (int i = 0; i < 1_000_000; i++) {
            items.writeBytes(emptyItem);
        }
        byte[] file = writer.raw(items.toByteArray()).delimiter(Tag.SEQUENCE_DELIMITATION, 0)
                .pixels16(1, 2, 3, 4).bytes();
        long start = System.nanoTime();
        DicomFile dicom = DicomFile.read(file, new Limits(file.length, Limits.DEFAULT_MAX_PIXELS));
        assertEquals(2, dicom.firstFrame().getWidth());
        System.out.printf("dicom_items=1000000 bytes=%d read_ms=%d%n", file.length, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void delimitersInTheWrongPlaceAreCorrupt() {
        rejected("corrupt", grey2x2().delimiter(Tag.ITEM, 0).pixels16(1, 2, 3, 4).bytes());
        rejected("corrupt", grey2x2().delimiter(Tag.ITEM_DELIMITATION, 0).pixels16(1, 2, 3, 4).bytes());
        rejected("corrupt", grey2x2().header(OTHER_PATIENT_IDS_SEQUENCE, "SQ", 0xFFFF_FFFFL)
                .text(PATIENT_NAME, "PN", "X").pixels16(1, 2, 3, 4).bytes());
        rejected("corrupt", grey2x2().delimiter(0xFFFE_1234, 0).pixels16(1, 2, 3, 4).bytes());
    }

    @Test
    void aMissingPixelDataIsCorruptAndAFileWithoutAnyImageIsNotAnImage() {
        rejected("corrupt", grey2x2().bytes());
        rejected("not-an-image", new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(Tag.MODALITY, "CS", "SR").bytes());
    }

    @ParameterizedTest
    @EnumSource(value = TransferSyntax.class, names = {"JPEG_BASELINE", "JPEG_LOSSLESS_SV1", "JPEG_LS_LOSSLESS",
            "JPEG_2000", "HTJ2K", "RLE_LOSSLESS", "ENCAPSULATED_UNCOMPRESSED"})
    void aTransferSyntaxWithoutADecoderIsUnsupportedNamingIt(TransferSyntax syntax) {
        byte[] file = new DicomWriter(syntax.uid()).grey("MONOCHROME2", 2, 2, 8, 8, false)
                .header(Tag.PIXEL_DATA, "OB", 0xFFFF_FFFFL)
                .delimiter(Tag.ITEM, 0).delimiter(Tag.ITEM, 4).raw(new byte[4])
                .delimiter(Tag.SEQUENCE_DELIMITATION, 0).bytes();
        ImageRejectedException e = rejected("unsupported-format", file);
        assertTrue(e.getMessage().contains(syntax.uid()) && e.getMessage().contains(syntax.title()), e.getMessage());
        assertEquals(2, DicomSummary.read(file).orElseThrow().rows(), "the header is still summarised");
    }

    @Test
    void anUnknownTransferSyntaxIsUnsupportedAndAMalformedOrMissingOneCorrupt() {
        ImageRejectedException e = rejected("unsupported-format",
                new DicomWriter("1.2.826.0.1.3680043.9.9999").grey("MONOCHROME2", 2, 2, 16, 16, false)
                        .pixels16(1, 2, 3, 4).bytes());
        assertTrue(e.getMessage().contains("1.2.826.0.1.3680043.9.9999"), e.getMessage());
        rejected("corrupt", new DicomWriter("not a uid").grey("MONOCHROME2", 2, 2, 16, 16, false).pixels16(1, 2, 3, 4)
                .bytes());
        byte[] file = grey2x2().pixels16(1, 2, 3, 4).bytes();
        // The meta group's UID element renamed to (0002,0011): no transfer syntax at all.
        file[132 + 12 + 2] = 0x11;
        rejected("corrupt", file);
    }

    @Test
    void aFileWithoutDicmIsNotAnImage() {
        byte[] file = grey2x2().pixels16(1, 2, 3, 4).bytes();
        file[128] = 'X';
        rejected("not-an-image", file);
        rejected("not-an-image", Arrays.copyOf(file, 100));
    }

    @Test
    void aDeflatedHeaderThatInflatesPastItsCapIsTooComplexAndADamagedStreamCorrupt() {
        byte[] bomb = new DicomWriter(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)
                .grey("MONOCHROME2", 2, 2, 16, 16, false)
                .element(PRIVATE_BLOB, "OB", new byte[40 * 1024 * 1024]).pixels16(1, 2, 3, 4).bytes();
        assertTrue(bomb.length < 100_000, "a bomb: " + bomb.length);
        rejected("too-complex", bomb);

        byte[] file = new DicomWriter(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)
                .grey("MONOCHROME2", 2, 2, 16, 16, false).pixels16(1, 2, 3, 4).bytes();
        int start = file.length - DicomWriter.deflate(new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .grey("MONOCHROME2", 2, 2, 16, 16, false).pixels16(1, 2, 3, 4).datasetBytes()).length;
        byte[] damaged = file.clone();
        damaged[start] = (byte) 0xFF;
        rejected("corrupt", damaged);
        rejected("truncated", Arrays.copyOf(file, start + 10));
    }

    @Test
    void aDeflatedFileEndingBeforeItsFirstFrameIsTruncated() throws Exception {
        byte[] file = new DicomWriter(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)
                .grey("MONOCHROME2", 100, 100, 16, 16, false).header(Tag.PIXEL_DATA, "OW", 20_000)
                .raw(new byte[100]).bytes();
        DicomFile dicom = DicomFile.read(file, Limits.defaults());
        ImageRejectedException e = assertThrows(ImageRejectedException.class, dicom::firstFrame);
        assertEquals("truncated", e.code(), e.getMessage());
    }

    @Test
    void anExplicitFileWithoutValueRepresentationsIsCorrupt() {
        // An Implicit VR dataset under the Explicit VR Little Endian UID: lengths stand where VRs should.
        byte[] implicit = new DicomWriter(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)
                .grey("MONOCHROME2", 2, 2, 16, 16, false).pixels16(1, 2, 3, 4).datasetBytes();
        rejected("corrupt", new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).raw(implicit).bytes());
    }

    @Test
    void encapsulatedPixelDataUnderAnUncompressedSyntaxIsCorrupt() {
        rejected("corrupt", grey2x2().header(Tag.PIXEL_DATA, "OB", 0xFFFF_FFFFL).delimiter(Tag.ITEM, 0)
                .delimiter(Tag.SEQUENCE_DELIMITATION, 0).bytes());
    }

    @Test
    void layoutsWithoutADecoderAreUnsupportedAndInconsistentOnesCorrupt() {
        rejected("unsupported-format", grey2x2().element(Tag.FLOAT_PIXEL_DATA, "OF", new byte[16]).bytes());
        rejected("unsupported-format", new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .grey("MONOCHROME2", 2, 2, 32, 32, false).pixels("OB", new byte[16]).bytes());
        rejected("unsupported-format", new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .grey("MONOCHROME2", 8, 1, 1, 1, false).pixels("OB", new byte[2]).bytes());
        rejected("unsupported-format", new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .grey("PALETTE COLOR", 2, 2, 8, 8, false).pixels("OB", new byte[4]).bytes());
        rejected("unsupported-format", new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .us(Tag.SAMPLES_PER_PIXEL, 3).text(Tag.PHOTOMETRIC_INTERPRETATION, "CS", "YBR_FULL")
                .us(Tag.ROWS, 1).us(Tag.COLUMNS, 2).us(Tag.BITS_ALLOCATED, 8).pixels("OB", new byte[6]).bytes());
        rejected("corrupt", new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .grey("MONOCHROME2", 2, 2, 16, 17, false).pixels16(1, 2, 3, 4).bytes());
        rejected("corrupt", new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .us(Tag.SAMPLES_PER_PIXEL, 3).grey("MONOCHROME2", 2, 2, 16, 16, false).pixels16(1, 2, 3, 4).bytes());
        rejected("corrupt", new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).us(Tag.SAMPLES_PER_PIXEL, 4)
                .us(Tag.ROWS, 2).us(Tag.COLUMNS, 2).us(Tag.BITS_ALLOCATED, 8).pixels("OB", new byte[16]).bytes());
        rejected("corrupt", new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).us(Tag.PIXEL_REPRESENTATION, 2)
                .grey("MONOCHROME2", 2, 2, 16, 16, false).pixels16(1, 2, 3, 4).bytes());
        rejected("corrupt", new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(Tag.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2").us(Tag.BITS_ALLOCATED, 16)
                .pixels16(1, 2, 3, 4).bytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "2147483647", "0", "-1", "many"})
    void framesTheDataDoesNotHoldAreCorrupt(String frames) {
        rejected("corrupt", grey2x2().text(Tag.NUMBER_OF_FRAMES, "IS", frames)
                .pixels16(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).bytes());
    }

    @Test
    void pixelDataShorterThanOneFrameIsCorrupt() {
        rejected("corrupt", grey2x2().pixels16(1, 2, 3).bytes());
    }

    static ImageRejectedException rejected(String code, byte[] file) {
        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> {
            DicomFile dicom = DicomFile.read(file, Limits.defaults());
            dicom.firstFrame();
        });
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().length() > 20, "a reason a person can read: " + e.getMessage());
        return e;
    }
}
