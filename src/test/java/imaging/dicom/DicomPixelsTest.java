package imaging.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import imaging.Limits;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sample layouts, transfer syntaxes and the grey pipeline (rescale, window, inversion) on files written here. */
class DicomPixelsTest {

    private static final int W = 16;
    private static final int H = 12;

    /** A signed ramp over -1000..1000 with some structure: the same picture in every syntax. */
    private static int[] ramp() {
        int[] samples = new int[W * H];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = -1000 + (i * 2000) / (samples.length - 1) + (i % 3 == 0 ? 7 : 0);
        }
        return samples;
    }

    private static DicomWriter rampFile(TransferSyntax syntax, String photometric) {
        return new DicomWriter(syntax).text(Tag.MODALITY, "CS", "MR")
                .grey(photometric, W, H, 16, 16, true)
                .text(Tag.WINDOW_CENTER, "DS", "0").text(Tag.WINDOW_WIDTH, "DS", "1000")
                .pixels16(ramp());
    }

    @ParameterizedTest
    @EnumSource(value = TransferSyntax.class, names = {"IMPLICIT_VR_LITTLE_ENDIAN", "EXPLICIT_VR_BIG_ENDIAN",
            "DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN"})
    void everyNativeSyntaxGivesTheSamePixelsAsExplicitLittleEndian(TransferSyntax syntax) throws Exception {
        BufferedImage reference = decode(rampFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "MONOCHROME2").bytes());
        DicomFile file = DicomFile.read(rampFile(syntax, "MONOCHROME2").bytes(), Limits.defaults());
        assertEquals(syntax, file.header().transferSyntax());
        assertArrayEquals(levels(reference), levels(file.firstFrame()));
    }

    @Test
    void theWindowMapsItsEdgesToBlackAndWhite() throws Exception {
        int[] levels = levels(decode(rampFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "MONOCHROME2").bytes()));
        int[] ramp = ramp();
        for (int i = 0; i < ramp.length; i++) {
            if (ramp[i] <= -500) {
                assertEquals(0, levels[i], "below the window: " + ramp[i]);
            } else if (ramp[i] > 500) {
                assertEquals(255, levels[i], "above the window: " + ramp[i]);
            }
        }
        assertEquals(128, levels(decode(new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .grey("MONOCHROME2", 1, 1, 16, 16, true).text(Tag.WINDOW_CENTER, "DS", "0")
                .text(Tag.WINDOW_WIDTH, "DS", "1000").pixels16(0).bytes()))[0], "the centre is mid-grey");
    }

    @Test
    void monochrome1IsInverted() throws Exception {
        int[] normal = levels(decode(rampFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "MONOCHROME2").bytes()));
        int[] inverted = levels(decode(rampFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "MONOCHROME1").bytes()));
        for (int i = 0; i < normal.length; i++) {
            assertEquals(255 - normal[i], inverted[i], "pixel " + i);
        }
    }

    @Test
    void signedTwelveBitSamplesAreMaskedAndSignExtendedAndWithoutAWindowStretchedOverTheirRange() throws Exception {
        // Bits 12-15 carry junk (an old overlay plane) that must not change the value.
        int[] stored = {-2048, -1, 0, 2047, -2048, 1000};
        int[] written = new int[stored.length];
        for (int i = 0; i < stored.length; i++) {
            written[i] = (stored[i] & 0x0FFF) | (i % 2 == 0 ? 0xA000 : 0x5000);
        }
        byte[] file = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).text(Tag.MODALITY, "CS", "MR")
                .grey("MONOCHROME2", 6, 1, 16, 12, true).pixels16(written).bytes();
        int[] levels = levels(decode(file));
        // No window and not CT: -2048..2047 stretched over 0..255 (LINEAR_EXACT).
        for (int i = 0; i < stored.length; i++) {
            assertEquals((int) Math.round((stored[i] + 2048) / 4095.0 * 255), levels[i], "stored " + stored[i]);
        }
    }

    @Test
    void rescaleComesBeforeTheWindowAndOnlyTheFirstOfSeveralWindowsCounts() throws Exception {
        // Stored 0..200 rescaled by 2 and -100 gives -100..300; the window 100/201 maps that to 0..255.
        int[] stored = {0, 50, 100, 150, 200};
        byte[] file = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).text(Tag.MODALITY, "CS", "CT")
                .grey("MONOCHROME2", 5, 1, 16, 16, false)
                .text(Tag.WINDOW_CENTER, "DS", "100\\40").text(Tag.WINDOW_WIDTH, "DS", "401\\400")
                .text(Tag.RESCALE_INTERCEPT, "DS", "-100").text(Tag.RESCALE_SLOPE, "DS", "2")
                .pixels16(stored).bytes();
        int[] levels = levels(decode(file));
        for (int i = 0; i < stored.length; i++) {
            double x = stored[i] * 2 - 100;
            assertEquals((int) Math.round(((x - 99.5) / 400 + 0.5) * 255), levels[i], "stored " + stored[i]);
        }
    }

    @Test
    void aCtWithoutWindowShowsSoftTissueAndAnInvalidWindowIsIgnored() throws Exception {
        // 40 HU is mid-grey, -160 HU and below black, 240 HU and above white.
        byte[] file = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).text(Tag.MODALITY, "CS", "CT")
                .grey("MONOCHROME2", 3, 1, 16, 16, true)
                .text(Tag.WINDOW_CENTER, "DS", "0").text(Tag.WINDOW_WIDTH, "DS", "0")
                .text(Tag.RESCALE_INTERCEPT, "DS", "-1024").text(Tag.RESCALE_SLOPE, "DS", "1")
                .pixels16(1024 + 40, 1024 - 160, 1024 + 240).bytes();
        assertArrayEquals(new int[] {128, 0, 255}, levels(decode(file)));
    }

    @Test
    void sigmoidAndLinearExactFunctionsFollowTheStandard() throws Exception {
        int[] stored = {0, 100, 200};
        for (String function : new String[] {"SIGMOID", "LINEAR_EXACT"}) {
            byte[] file = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                    .grey("MONOCHROME2", 3, 1, 16, 16, false)
                    .text(Tag.WINDOW_CENTER, "DS", "100").text(Tag.WINDOW_WIDTH, "DS", "100")
                    .text(Tag.VOI_LUT_FUNCTION, "CS", function).pixels16(stored).bytes();
            int[] levels = levels(decode(file));
            for (int i = 0; i < stored.length; i++) {
                double x = stored[i];
                double y = function.equals("SIGMOID") ? 255 / (1 + Math.exp(-4 * (x - 100) / 100))
                        : x <= 50 ? 0 : x > 150 ? 255 : ((x - 100) / 100 + 0.5) * 255;
                assertEquals((int) Math.round(y), levels[i], function + " " + x);
            }
        }
    }

    @Test
    void eightBitGreyIsWindowedToo() throws Exception {
        byte[] file = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).grey("MONOCHROME2", 4, 1, 8, 8, false)
                .pixels("OB", new byte[] {0, 64, (byte) 128, (byte) 255}).bytes();
        assertArrayEquals(new int[] {0, 64, 128, 255}, levels(decode(file)));
    }

    @Test
    void rgbIsCopiedWhetherInterleavedOrPlanar() throws Exception {
        // Two pixels: pure red and a grey-blue.
        byte[] interleaved = {(byte) 255, 0, 0, 10, 20, 30};
        byte[] planar = {(byte) 255, 10, 0, 20, 0, 30};
        for (int configuration = 0; configuration <= 1; configuration++) {
            byte[] file = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).us(Tag.SAMPLES_PER_PIXEL, 3)
                    .text(Tag.PHOTOMETRIC_INTERPRETATION, "CS", "RGB").us(Tag.PLANAR_CONFIGURATION, configuration)
                    .us(Tag.ROWS, 1).us(Tag.COLUMNS, 2).us(Tag.BITS_ALLOCATED, 8).us(Tag.BITS_STORED, 8)
                    .us(Tag.HIGH_BIT, 7).us(Tag.PIXEL_REPRESENTATION, 0)
                    .pixels("OB", configuration == 0 ? interleaved : planar).bytes();
            BufferedImage image = decode(file);
            assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType());
            assertEquals(0xFF0000, image.getRGB(0, 0) & 0xFFFFFF, "planar configuration " + configuration);
            assertEquals(0x0A141E, image.getRGB(1, 0) & 0xFFFFFF, "planar configuration " + configuration);
        }
    }

    @Test
    void eightBitSamplesInWordsOfABigEndianFileComeSwappedInPairs() throws Exception {
        // PS3.5 A.3: OW is byte-swapped as 16-bit words, so samples 0,1,2,3 are stored 1,0,3,2.
        byte[] file = new DicomWriter(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN).grey("MONOCHROME2", 4, 1, 8, 8, false)
                .pixels("OW", new byte[] {64, 0, (byte) 255, (byte) 128}).bytes();
        assertArrayEquals(new int[] {0, 64, 128, 255}, levels(decode(file)));
    }

    @Test
    void onlyTheFirstOfSeveralFramesIsDecoded() throws Exception {
        byte[] file = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).grey("MONOCHROME2", 2, 1, 16, 16, false)
                .text(Tag.NUMBER_OF_FRAMES, "IS", "3").text(Tag.WINDOW_CENTER, "DS", "127.5")
                .text(Tag.WINDOW_WIDTH, "DS", "256").pixels16(0, 255, 100, 100, 200, 200).bytes();
        DicomFile dicom = DicomFile.read(file, Limits.defaults());
        assertEquals(3, dicom.header().frames());
        assertArrayEquals(new int[] {0, 255}, levels(dicom.firstFrame()));
    }

    static BufferedImage decode(byte[] file) throws Exception {
        return DicomFile.read(file, Limits.defaults()).firstFrame();
    }

    /** The blue channel of every pixel, row by row, after checking the three channels agree. */
    static int[] levels(BufferedImage image) {
        int[] levels = new int[image.getWidth() * image.getHeight()];
        for (int i = 0; i < levels.length; i++) {
            int rgb = image.getRGB(i % image.getWidth(), i / image.getWidth());
            assertEquals(rgb & 0xFF, rgb >> 8 & 0xFF, "grey");
            assertEquals(rgb & 0xFF, rgb >> 16 & 0xFF, "grey");
            levels[i] = rgb & 0xFF;
        }
        return levels;
    }
}
