package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import testing.Bin;
import testing.Corpus;
import testing.ExifBytes;
import testing.JpegBytes;
import testing.PngBytes;
import testing.WebpBytes;

/**
 * The EXIF summary reads only a small block cut out of the file: directory chains and loops do not
 * reach the metadata library, PNG text chunks are never inflated, a TIFF's page chain is not walked; and
 * it is found in every format that carries EXIF.
 */
class ExifSummaryTest {

    private final ImageInspector inspector = new ImageInspector(Limits.defaults());

    @Test
    void aJpegWhoseExifChainsTenThousandDirectoriesKeepsItsSummary() throws Exception {
        byte[] jpeg = JpegBytes.withSegment(JpegBytes.encode(64, 48, false),
                JpegBytes.exif(ExifBytes.block(6, 10_000, false)));
        ExifSummary exif = summary(jpeg);
        assertEquals("Hostile", exif.make());
        assertEquals(6, exif.orientation());
    }

    @Test
    void aDirectoryLinkingToItselfEndsTheWalk() throws Exception {
        byte[] jpeg = JpegBytes.withSegment(JpegBytes.encode(64, 48, false), JpegBytes.exif(ExifBytes.block(3, 0, true)));
        assertEquals(3, summary(jpeg).orientation());
    }

    @Test
    void aPngCarriesItsExifInAnExifChunk() throws Exception {
        byte[] png = PngBytes.file(PngBytes.ihdr(64, 48, 8, 6), PngBytes.chunk("eXIf", ExifBytes.block(8, 0, false)),
                PngBytes.chunk("IDAT", PngBytes.rgba(64, 48, 0xFF808080)), PngBytes.iend());
        assertEquals(8, summary(png).orientation());
        Rendition rendition = new Renderer(Limits.defaults()).render(png, TestPresets.DEFAULT);
        assertEquals(48, rendition.width(), "displayed turned, as its orientation says");
    }

    @Test
    void aWebpCarriesItsExifInAnExifChunk() throws Exception {
        byte[] webp = WebpBytes.riff(WebpBytes.vp8x(0x08, 64, 48), WebpBytes.vp8l(64, 48, 0xFF808080),
                WebpBytes.chunk("EXIF", ExifBytes.block(6, 0, false)));
        assertEquals(6, summary(webp).orientation());
    }

    @Test
    void aTiffWithSeventyThousandPagesIsSummarisedFromItsFirstDirectoryOnly() throws Exception {
        byte[] tiff = Files.readAllBytes(Corpus.CASES.resolve("reported/ifd-chain-70000-pages.tif"));
        Inspection inspection = inspector.inspect(tiff);
        assertTrue(inspection.frames() <= 1024, "pages are counted up to a cap: " + inspection.frames());
        assertEquals(1, ExifSummary.read(tiff, inspection).orientation());
    }

    @Test
    void exifOutsideItsBlockGivesNoSummaryRatherThanAGuess() throws Exception {
        byte[] block = ExifBytes.block(6, 0, false);
        byte[] broken = Bin.patch(block, 4, 0xF0, 0xFF, 0, 0); // IFD0 far past the block's end
        byte[] jpeg = JpegBytes.withSegment(JpegBytes.encode(64, 48, false), JpegBytes.exif(broken));
        assertEquals(ExifSummary.NONE, summary(jpeg));
    }

    @Test
    void theCorpusPhotosKeepTheirCameraAndGpsFlag() throws Exception {
        ExifSummary exif = summary(Corpus.read("jpeg/gps-exif.jpg"));
        assertTrue(exif.gps());
        assertTrue(exif.make() != null && !exif.make().isBlank(), String.valueOf(exif));
    }

    private ExifSummary summary(byte[] data) throws ImageRejectedException {
        return ExifSummary.read(data, inspector.inspect(data));
    }
}
