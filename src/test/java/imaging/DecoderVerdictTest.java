package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.EOFException;
import java.util.zip.ZipException;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;

/** Decoder warnings and failures sorted by kind, with the messages the decoders here really give. */
class DecoderVerdictTest {

    @Test
    void colourProfileNoticesAreIgnoredEvenWhenTheySayTruncated() {
        assertNull(DecoderVerdict.ofWarning("Bad 'ICC_PROFILE' chunk(s): Truncated ICC Profile data. Ignoring ICC "
                + "profile.", ImageFormat.JPEG));
        assertNull(DecoderVerdict.ofWarning("Superseding bad ICC profile: Invalid ICC Profile Data", ImageFormat.TIFF));
        assertNull(DecoderVerdict.ofWarning("Embedded color profile is invalid and will be ignored", ImageFormat.JPEG));
    }

    @Test
    void dataDamageIsCorrupt() {
        for (String warning : new String[] {"Corrupt JPEG data: bad Huffman code",
                "Corrupt JPEG data: premature end of data segment", "Corrupt JPEG data: found marker 0xd9 instead of RST3",
                "Inconsistent progression sequence for component 0 coefficient 1", "Out-of-sequence code!"}) {
            assertEquals("corrupt", DecoderVerdict.ofWarning(warning, ImageFormat.JPEG).code(), warning);
        }
    }

    @Test
    void dataEndingEarlyIsTruncated() {
        assertEquals("truncated", DecoderVerdict.ofWarning("Premature end of JPEG file", ImageFormat.JPEG).code());
    }

    @Test
    void harmlessNoticesLetThePictureStand() {
        assertNull(DecoderVerdict.ofWarning("Corrupt JPEG data: 3 extraneous bytes before marker 0xd9", ImageFormat.JPEG));
        assertNull(DecoderVerdict.ofWarning("Warning: unknown JFIF revision number 2.01", ImageFormat.JPEG));
        assertNull(DecoderVerdict.ofWarning("PhotometricInterpretation field is missing; assuming BlackIsZero",
                ImageFormat.TIFF));
    }

    @Test
    void failuresAreJudgedByCauseAndMessage() {
        assertEquals("truncated", DecoderVerdict.ofFailure(new IIOException("Error reading PNG image data",
                new EOFException("Unexpected end of ZLIB input stream")), ImageFormat.PNG).code());
        assertEquals("unsupported-format", DecoderVerdict.ofFailure(
                new IIOException("Unsupported JPEG process: SOF type 0xc3"), ImageFormat.JPEG).code());
        assertEquals("corrupt", DecoderVerdict.ofFailure(new IIOException("Error reading PNG image data",
                new ZipException("invalid distance too far back")), ImageFormat.PNG).code());
    }
}
