package imaging.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imaging.ImageRejectedException;
import imaging.Limits;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import testing.Corpus;

/** The corpus DICOM files (pydicom's test files, from NEMA WG04 samples) read and windowed. */
class DicomCorpusTest {

    private static final byte[] CT = Corpus.read("dicom/CT_small.dcm");
    private static final byte[] MR = Corpus.read("dicom/MR_small.dcm");
    private static final byte[] MR_J2K = Corpus.read("dicom/MR_small_jp2klossless.dcm");

    @Test
    void theCtHasNoWindowSoItShowsTheSoftTissueWindowInHounsfieldUnits() throws Exception {
        DicomFile file = DicomFile.read(CT, Limits.defaults());
        DicomHeader header = file.header();
        assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, header.transferSyntax());
        assertEquals(128, header.columns());
        assertEquals(128, header.rows());
        assertEquals(1, header.frames());
        assertEquals(Photometric.MONOCHROME2, header.photometric());
        assertEquals(new DicomSummary("CT", null, 128, 128, "2004-01-19"), header.summary());

        BufferedImage image = file.firstFrame();
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType());
        // Rescale -1024 + stored (slope 1), then level 40 width 400 (PS3.3 C.11.2.1.2.1).
        assertWindowed(image, storedSamples(CT, 128 * 128), 1, -1024, 40, 400);
    }

    @Test
    void theMrShowsItsOwnWindow() throws Exception {
        DicomFile file = DicomFile.read(MR, Limits.defaults());
        assertEquals(64, file.header().columns());
        assertEquals(64, file.header().rows());
        assertEquals(new DicomSummary("MR", null, 64, 64, "2004-08-26"), file.header().summary());
        assertWindowed(file.firstFrame(), storedSamples(MR, 64 * 64), 1, 0, 600, 1600);
    }

    @Test
    void theJpeg2000MrIsRefusedNamingItsTransferSyntaxYetItsSummaryIsTheUncompressedOnes() {
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> DicomFile.read(MR_J2K, Limits.defaults()));
        assertEquals("unsupported-format", e.code());
        assertTrue(e.getMessage().contains("1.2.840.10008.1.2.4.90"), e.getMessage());
        assertTrue(e.getMessage().contains("JPEG 2000 Image Compression (Lossless Only)"), e.getMessage());
        assertEquals(DicomSummary.read(MR), DicomSummary.read(MR_J2K));
    }

    /**
     * Every pixel against the standard's LINEAR window formula, computed here independently of the
     * reader's lookup table.
     */
    private static void assertWindowed(BufferedImage image, int[] stored, double slope, double intercept,
            double center, double width) {
        for (int i = 0; i < stored.length; i++) {
            double x = stored[i] * slope + intercept;
            double y;
            if (x <= center - 0.5 - (width - 1) / 2) {
                y = 0;
            } else if (x > center - 0.5 + (width - 1) / 2) {
                y = 255;
            } else {
                y = ((x - (center - 0.5)) / (width - 1) + 0.5) * 255;
            }
            int rgb = image.getRGB(i % image.getWidth(), i / image.getWidth());
            int expected = (int) Math.round(y);
            assertEquals(expected, rgb & 0xFF, "pixel " + i);
            assertEquals(expected, rgb >> 8 & 0xFF, "pixel " + i);
            assertEquals(expected, rgb >> 16 & 0xFF, "pixel " + i);
        }
    }

    /** The signed 16-bit samples of a corpus file's Pixel Data, found by its explicit VR LE header. */
    static int[] storedSamples(byte[] file, int count) {
        byte[] header = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0};
        for (int at = 132; at + header.length <= file.length; at++) {
            if (java.util.Arrays.equals(file, at, at + header.length, header, 0, header.length)) {
                ByteBuffer pixels = ByteBuffer.wrap(file, at + 12, 2 * count).order(ByteOrder.LITTLE_ENDIAN);
                int[] samples = new int[count];
                for (int i = 0; i < count; i++) {
                    samples[i] = pixels.getShort();
                }
                return samples;
            }
        }
        throw new AssertionError("no Pixel Data");
    }
}
