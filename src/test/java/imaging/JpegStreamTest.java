package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import testing.Corpus;
import testing.PixelDiff;

/**
 * A JPEG read in one pass into the scaler gives the very pixels the engine's reader gives when it
 * decodes the picture whole, for every kind the one-pass reader takes; the others are left to that reader.
 */
class JpegStreamTest {

    @ParameterizedTest
    @ValueSource(strings = {"photos/large-landscape-4032x3024.jpg", "orientation/Portrait_6.jpg",
        "jpeg/progressive.jpg", "jpeg/adobe-rgb-icc.jpg", "jpeg/greyscale.jpg", "jpeg/gps-exif.jpg"})
    void givesThePixelsOfAWholeDecode(String file) throws Exception {
        byte[] data = Corpus.read(file);
        BufferedImage whole = ImageDecoder.toSrgb(ImageIO.read(new ByteArrayImageInputStream(data)));
        int width = whole.getWidth() * 2 / 5;
        int height = whole.getHeight() * 2 / 5;

        BufferedImage streamed = streamed(data, width, height);

        assertEquals(0.0, PixelDiff.mean(Resizer.resize(whole, width, height), streamed), file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg/cmyk-swop-profile.jpg", "jpeg/cmyk-no-profile.jpg"})
    void leavesCmykToTheEnginesReader(String file) throws Exception {
        assertTrue(open(Corpus.read(file)).isEmpty());
    }

    @Test
    void leavesAHeaderTheJdkCannotParseToTheEnginesReader() throws Exception {
        Corpus.Entry emptyProfile = Corpus.cases().stream()
                .filter(e -> e.file().equals("reported/icc-app2-without-profile.jpg")).findFirst().orElseThrow();

        assertTrue(open(emptyProfile.bytes()).isEmpty());
    }

    @Test
    void countsLibjpegsWholePictureCoefficientsForSeveralScansOnly() throws Exception {
        // 1280 x 1024 at 4:2:0: 1.5 samples a pixel, 2 bytes each.
        long progressive = open(Corpus.read("jpeg/progressive.jpg")).orElseThrow().bytes();
        long baseline = open(Corpus.read("jpeg/gps-exif.jpg")).orElseThrow().bytes();

        assertEquals(1280L * 1024 * 3 + 256 * 1280, progressive);
        assertEquals(256L * 640, baseline);
    }

    @Test
    void countsTheScansTheDecoderMakesAPassFor() throws Exception {
        ImageInspector unlimitedScans = new ImageInspector(new Limits(Limits.DEFAULT_MAX_BYTES,
                Limits.DEFAULT_MAX_PIXELS, Limits.defaults().maxDecodeBytes(), Limits.DEFAULT_RENDER_TIME_LIMIT,
                Integer.MAX_VALUE));
        assertEquals(10, unlimitedScans.inspect(Corpus.read("jpeg/progressive.jpg")).scans());
        assertEquals(1, unlimitedScans.inspect(Corpus.read("photos/medium-landscape-wood.jpg")).scans());
        byte[] thousands = Corpus.cases().stream()
                .filter(e -> e.file().equals("hostile/jpeg-progressive-6000-scans.jpg")).findFirst().orElseThrow()
                .bytes();
        assertEquals(6000, unlimitedScans.inspect(thousands).scans());
    }

    @Test
    void aJpegCutAnywhereOrWithASegmentPastItsEndIsRefusedBeforeDecoding() {
        byte[] data = Corpus.read("jpeg/gps-exif.jpg");
        ImageInspector inspector = new ImageInspector(Limits.defaults());
        for (int cut = 0; cut < 2000; cut += 7) {
            byte[] damaged = Arrays.copyOf(data, cut);
            assertThrows(ImageRejectedException.class, () -> inspector.inspect(damaged), "cut at " + cut);
        }
        byte[] lengthPastTheEnd = data.clone();
        lengthPastTheEnd[4] = (byte) 0xFF;
        lengthPastTheEnd[5] = (byte) 0xFF;
        assertThrows(ImageRejectedException.class, () -> inspector.inspect(lengthPastTheEnd));
    }

    @Test
    void aProgressiveJpegCutBeforeItsLastScanIsTruncated() {
        byte[] data = Corpus.read("jpeg/progressive.jpg");
        byte[] cut = Arrays.copyOf(data, data.length * 3 / 5);

        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> new Renderer(Limits.defaults()).render(cut, TestPresets.DEFAULT));

        assertEquals("truncated", e.code());
    }

    private static BufferedImage streamed(byte[] data, int width, int height) throws Exception {
        JpegStream stream = open(data).orElseThrow();
        ImageReader reader = JpegStream.reader();
        reader.setInput(new ByteArrayImageInputStream(data));
        BgrDownscaler scaler = new BgrDownscaler(reader.getWidth(0), reader.getHeight(0), width, height, Deadline.NONE);
        JpegStream.Tap tap = stream.tap(scaler);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setDestination(tap.destination());
        reader.read(0, param);
        reader.dispose();
        assertTrue(tap.complete(), tap.progress());
        return scaler.result();
    }

    private static Optional<JpegStream> open(byte[] data) throws ImageRejectedException {
        return JpegStream.open(data, new ImageInspector(Limits.defaults()).inspect(data));
    }
}
