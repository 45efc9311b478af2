package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import testing.Corpus;
import testing.HostileImages;
import testing.TiffBytes;
import testing.WebpBytes;

/** The inspection summarises what the structure says: frames, tiles, scans, EXIF, memory outside the heap. */
class InspectionTest {

    private final ImageInspector inspector = new ImageInspector(Limits.defaults());

    @Test
    void aProgressiveJpegCountsItsScansAndTheCoefficientsLibjpegKeeps() throws Exception {
        Inspection progressive = inspector.inspect(Corpus.read("jpeg/progressive.jpg"));
        assertTrue(progressive.scans() > 1, "scans: " + progressive.scans());
        long lumaBlocks = 1280L * 1024 / 64;
        assertTrue(progressive.nativeBytes() >= lumaBlocks * 128 && progressive.nativeBytes() <= 3 * lumaBlocks * 128,
                "coefficient bytes: " + progressive.nativeBytes());
        Inspection baseline = inspector.inspect(Corpus.read("photos/medium-landscape-storm.jpg"));
        assertEquals(1, baseline.scans());
        assertEquals(0, baseline.nativeBytes(), "a single-scan JPEG is decoded row by row");
        assertNotNull(baseline.exif(), "its EXIF block is found");
    }

    @Test
    void anAnimationsFirstFrameIsWhereItSitsOnTheCanvas() throws Exception {
        Inspection gif = inspector.inspect(HostileImages.GIF_FIRST_FRAME_AT_OFFSET);
        assertEquals(new Area(30, 30, 20, 10), gif.frame());
        assertTrue(gif.animated() && gif.framed());
        assertEquals(2, gif.frames());
        Inspection webp = inspector.inspect(HostileImages.WEBP_FIRST_FRAME_AT_OFFSET);
        assertEquals(new Area(16, 12, 32, 24), webp.frame());
        assertEquals(32L * 24 * 4, webp.nativeBytes(), "a lossless frame is decoded whole outside the heap");
        Inspection apng = inspector.inspect(HostileImages.APNG_FIRST_FRAME_AT_OFFSET);
        assertEquals(new Area(16, 12, 32, 24), apng.frame());
    }

    @Test
    void aStillIsOneFrameCoveringItsCanvas() throws Exception {
        Inspection png = inspector.inspect(Corpus.read("png/rgba-transparency.png"));
        assertFalse(png.framed() || png.animated());
        assertEquals(Area.of(200, 150), png.frame());
        Inspection lossy = inspector.inspect(WebpBytes.riff(WebpBytes.vp8Noise(64, 48)));
        assertEquals(0, lossy.nativeBytes());
    }

    @Test
    void aTiffReportsItsTilesAndCountsItsPagesUpToACap() throws Exception {
        TiffBytes tiff = new TiffBytes();
        long[] strips = new long[3];
        for (int i = 0; i < 3; i++) {
            strips[i] = TiffBytes.blob(tiff.data(new byte[64 * 16]));
        }
        tiff.entry(256, TiffBytes.LONG, 64).entry(257, TiffBytes.LONG, 48).entry(258, TiffBytes.SHORT, 8)
                .entry(259, TiffBytes.SHORT, 1).entry(262, TiffBytes.SHORT, 1).entry(273, TiffBytes.LONG, strips)
                .entry(277, TiffBytes.SHORT, 1).entry(278, TiffBytes.LONG, 16)
                .entry(279, TiffBytes.LONG, 1024, 1024, 1024);
        assertEquals(Area.of(64, 16), inspector.inspect(tiff.bytes()).tile());
        // 5,001 pages: the walk stops at its cap of 1,024.
        assertEquals(1024, inspector.inspect(TiffBytes.grey(8, 8).pages(5000).bytes()).frames());
    }
}
