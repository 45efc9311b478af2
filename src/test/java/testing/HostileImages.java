package testing;

import static testing.TiffBytes.LONG;
import static testing.TiffBytes.SHORT;
import static testing.TiffBytes.blob;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile and broken inputs for every format, made here rather than kept as files: sizes that drive
 * the decoder's allocations (canvas, frame, tile, strip, embedded picture, rows, chunks, palettes,
 * directory values, page chains), truncations at every level of the structure, codings no decoder here
 * reads, damaged CRCs and data, and metadata built to exhaust a naive reader. Each says what the engine
 * must do: render at a display size, or refuse with a code and a message naming what was wrong.
 */
public final class HostileImages {

    /**
     * One input.
     *
     * @param rejectReason the code it is refused with, or null when it renders
     * @param mentions     a piece of the refusal's message (what was wrong), or null
     * @param width        the displayed width when it renders
     */
    public record Input(String name, byte[] bytes, String rejectReason, String mentions, int width, int height) {

        @Override
        public String toString() {
            return name;
        }
    }

    private final List<Input> inputs = new ArrayList<>();

    private HostileImages() {
    }

    /** Every input (made once: a few hold large compressed chunks). */
    public static List<Input> all() {
        return Holder.ALL;
    }

    private static final class Holder {
        static final List<Input> ALL = List.copyOf(make());
    }

    private static List<Input> make() {
        HostileImages h = new HostileImages();
        h.jpeg();
        h.png();
        h.apng();
        h.gif();
        h.webp();
        h.tiff();
        h.bmp();
        return h.inputs;
    }

    private void reject(String name, byte[] bytes, String code, String mentions) {
        inputs.add(new Input(name, bytes, code, mentions, 0, 0));
    }

    private void render(String name, byte[] bytes, int width, int height) {
        inputs.add(new Input(name, bytes, null, null, width, height));
    }

    private void jpeg() {
        byte[] base = JpegBytes.encode(64, 48, false);
        int sof = JpegBytes.frameHeader(base);
        reject("jpeg-frame-65535x65535", Bin.patch(base, sof + 5, 0xFF, 0xFF, 0xFF, 0xFF), "too-many-pixels",
                "65535x65535");
        // 16000x16000 (under the pixel limit) over a 64x48 picture's few hundred bytes of scan data.
        reject("jpeg-frame-16000x16000-over-a-tiny-scan", Bin.patch(base, sof + 5, 0x3E, 0x80, 0x3E, 0x80), "truncated",
                "its blocks need at least");
        byte[] progressive = JpegBytes.encode(64, 48, true);
        reject("jpeg-progressive-16000x16000-over-tiny-scans", Bin.patch(progressive,
                JpegBytes.frameHeader(progressive) + 5, 0x3E, 0x80, 0x3E, 0x80), "truncated", "its blocks need at least");
        reject("jpeg-12-bit-samples", Bin.patch(base, sof + 4, 12), "unsupported-format", "12-bit samples");
        reject("jpeg-lossless-sof3", Bin.patch(base, sof + 1, 0xC3), "unsupported-format", "Lossless");
        reject("jpeg-hierarchical-sof5", Bin.patch(base, sof + 1, 0xC5), "unsupported-format", "Hierarchical");
        reject("jpeg-2-components", Bin.patch(base, sof + 9, 2), "unsupported-format", "2 colour components");
        reject("jpeg-height-from-dnl", Bin.patch(base, sof + 5, 0, 0), "unsupported-format", "DNL");
        reject("jpeg-sampling-5x1", Bin.patch(base, sof + 11, 0x51), "corrupt", "sampling 5x1");
        reject("jpeg-mcu-48-blocks", Bin.patch(Bin.patch(Bin.patch(base, sof + 11, 0x44), sof + 14, 0x44), sof + 17,
                0x44), "corrupt", "MCU");
        int sos = JpegBytes.marker(base, 0xDA);
        byte[] scan = Arrays.copyOfRange(base, sos, base.length - 2);
        byte[][] scans = new byte[300][];
        Arrays.fill(scans, scan);
        reject("jpeg-300-scans", Bin.concat(Bin.cut(base, base.length - 2), Bin.concat(scans), new byte[] {-1, -39}),
                "too-complex", "256 scans");
        // under the scan limit, but 253 passes over 81 MP: the whole time limit (found by review)
        reject("jpeg-progressive-9000x9000-253-near-empty-scans", ProgressiveScans.of(9000, 9000, 63, 4),
                "too-complex", "scans x pixels");
        reject("jpeg-cut-in-scan", Bin.cut(base, (sos + base.length) / 2), "truncated", "scan 1");
        byte[] damaged = JpegBytes.encode(256, 192, false);
        int damagedScan = JpegBytes.marker(damaged, 0xDA) + 40;
        Random random = new Random(1);
        for (int i = damagedScan; i < damagedScan + 40; i++) {
            damaged[i] = (byte) random.nextInt(0xFF); // never 0xFF: no marker appears
        }
        reject("jpeg-damaged-scan-data", damaged, "corrupt", "premature end of data segment");
        reject("jpeg-no-eoi", Bin.cut(base, base.length - 2), "truncated", "end-of-image");
        reject("jpeg-cut-in-frame-header", Bin.cut(base, sof + 7), "truncated", "0xC0");
        reject("jpeg-segment-past-end", JpegBytes.withSegment(base, Bin.big().u8(0xFF, 0xEF).u16(60_000).toBytes()),
                "truncated", "0xEF");
        reject("jpeg-scan-before-frame", JpegBytes.withSegment(base, Bin.big().u8(0xFF, 0xDA).u16(8).u8(1, 1, 0, 0, 63, 0)
                .toBytes()), "corrupt", "before the frame header");
        byte[] icc = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
        render("jpeg-icc-garbage", JpegBytes.withSegment(base, JpegBytes.segment(0xE2,
                Bin.concat(icc, new byte[] {1, 1}, filled(300, 0x41)))), 64, 48);
        // An ICC header (size, then 'acsp' at byte 36) claiming 2 GB: TwelveMonkeys allocates what it claims.
        render("jpeg-icc-header-claims-2gb", JpegBytes.withSegment(base, JpegBytes.segment(0xE2,
                Bin.concat(icc, new byte[] {1, 1}, Bin.big().u32(0x7FFFFFFF).zeros(32).ascii("acsp").zeros(88).toBytes()))),
                64, 48);
        render("jpeg-icc-chunk-1-of-3", JpegBytes.withSegment(base, JpegBytes.segment(0xE2,
                Bin.concat(icc, new byte[] {1, 3}, new byte[128]))), 64, 48);
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        byte[] tagsZeroed = srgb.clone();
        Arrays.fill(tagsZeroed, 132 + 12 * (srgb[131] & 0xFF), tagsZeroed.length, (byte) 0);
        render("jpeg-icc-tag-data-zeroed", JpegBytes.withSegment(base, JpegBytes.segment(0xE2,
                Bin.concat(icc, new byte[] {1, 1}, tagsZeroed))), 64, 48);
        render("jpeg-exif-10000-chained-directories", JpegBytes.withSegment(base,
                JpegBytes.exif(ExifBytes.block(6, 10_000, false))), 48, 64);
        render("jpeg-exif-directory-loop", JpegBytes.withSegment(base, JpegBytes.exif(ExifBytes.block(1, 0, true))), 64,
                48);
        render("jpeg-progressive", JpegBytes.encode(64, 48, true), 64, 48);
    }

    private void png() {
        byte[] ihdr = PngBytes.ihdr(64, 48, 8, 6);
        byte[] idat = PngBytes.chunk("IDAT", PngBytes.rgba(64, 48, 0xFF336699));
        byte[] valid = PngBytes.file(ihdr, idat, PngBytes.iend());
        reject("png-width-2^31", PngBytes.file(PngBytes.ihdr(0x80000000L, 1, 8, 6), idat, PngBytes.iend()), "corrupt",
                "IHDR");
        reject("png-rows-of-40m-px-at-64-bits", PngBytes.file(PngBytes.ihdr(40_000_000, 1, 16, 6), idat,
                PngBytes.iend()), "too-many-pixels", "rows");
        reject("png-ihdr-crc", Bin.patch(valid, 8 + 8 + 13, 0), "corrupt", "IHDR chunk at byte 8 fails its CRC");
        byte[] text = PngBytes.chunk("tEXt", "Comment\0hostile".getBytes(StandardCharsets.ISO_8859_1));
        reject("png-text-crc", PngBytes.file(ihdr, Bin.patch(text, text.length - 1, text[text.length - 1] ^ 1), idat,
                PngBytes.iend()), "corrupt", "tEXt chunk");
        render("png-itxt-inflating-to-100mb", PngBytes.file(ihdr, PngBytes.chunk("iTXt",
                Bin.concat("Comment\0\1\0\0\0".getBytes(StandardCharsets.ISO_8859_1), PngBytes.zlibOfZeros(100L << 20))),
                idat, PngBytes.iend()), 64, 48);
        render("png-iccp-inflating-to-200mb", PngBytes.file(ihdr, PngBytes.chunk("iCCP",
                Bin.concat("ICC\0\0".getBytes(StandardCharsets.ISO_8859_1), PngBytes.zlibOfZeros(200L << 20))), idat,
                PngBytes.iend()), 64, 48);
        reject("png-no-iend", Bin.cut(valid, valid.length - 12), "truncated", "IEND");
        reject("png-cut-in-chunk-header", Bin.cut(valid, 8 + 25 + 4), "truncated", "before its image data");
        reject("png-chunk-length-4gb", PngBytes.file(ihdr, Bin.big().u32(0xFFFFFFF0L).ascii("tEXt").toBytes()),
                "corrupt", "length");
        reject("png-palette-300-entries", PngBytes.file(PngBytes.ihdr(64, 48, 8, 3), PngBytes.chunk("PLTE",
                new byte[900]), idat, PngBytes.iend()), "corrupt", "PLTE");
        reject("png-palette-image-without-plte", PngBytes.file(PngBytes.ihdr(64, 48, 8, 3), idat, PngBytes.iend()),
                "corrupt", "PLTE");
        reject("png-trns-1000-entries", PngBytes.file(PngBytes.ihdr(64, 48, 8, 3), PngBytes.chunk("PLTE", new byte[768]),
                PngBytes.chunk("tRNS", new byte[1000]), idat, PngBytes.iend()), "corrupt", "tRNS");
        reject("png-idat-split-by-text", PngBytes.file(ihdr, idat, text, idat, PngBytes.iend()), "corrupt",
                "consecutive");
        reject("png-no-idat", PngBytes.file(ihdr, PngBytes.iend()), "corrupt", "IDAT");
        byte[] zlib = PngBytes.rgba(64, 48, 0xFF336699);
        reject("png-zlib-cut-short", PngBytes.file(ihdr, PngBytes.chunk("IDAT", Bin.cut(zlib, zlib.length / 2)),
                PngBytes.iend()), "truncated", null);
        byte[] noisy = PngBytes.zlib(noise(1 + 4 * 64, 48));
        reject("png-zlib-damaged", PngBytes.file(ihdr, PngBytes.chunk("IDAT", Bin.patch(noisy, noisy.length / 3,
                0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)), PngBytes.iend()), "corrupt", null);
    }

    private void apng() {
        byte[] ihdr = PngBytes.ihdr(64, 48, 8, 6);
        byte[] red = PngBytes.rgba(64, 48, 0xFFFF0000);
        reject("apng-frame-2-16384x16384", PngBytes.file(ihdr, PngBytes.actl(2), PngBytes.fctl(0, 64, 48, 0, 0),
                PngBytes.chunk("IDAT", red), PngBytes.fctl(1, 16384, 16384, 0, 0), PngBytes.iend()), "too-many-pixels",
                "frame 2 is 16384x16384");
        reject("apng-frame-outside-canvas", PngBytes.file(ihdr, PngBytes.actl(2), PngBytes.fctl(0, 64, 48, 0, 0),
                PngBytes.chunk("IDAT", red), PngBytes.fctl(1, 30, 30, 50, 40),
                PngBytes.fdat(2, PngBytes.rgba(30, 30, 0xFF0000FF)), PngBytes.iend()), "corrupt", "outside");
        reject("apng-default-frame-not-whole", PngBytes.file(ihdr, PngBytes.actl(1), PngBytes.fctl(0, 32, 24, 0, 0),
                PngBytes.chunk("IDAT", red), PngBytes.iend()), "corrupt", "first frame");
        render("apng-first-frame-at-offset", APNG_FIRST_FRAME_AT_OFFSET, 64, 48);
    }

    /**
     * An APNG whose default image (red) is not part of the animation; its first frame is a blue 32x24
     * block at (16,12) on a transparent canvas, its second a green full frame.
     */
    public static final byte[] APNG_FIRST_FRAME_AT_OFFSET = PngBytes.file(PngBytes.ihdr(64, 48, 8, 6),
            PngBytes.actl(2), PngBytes.chunk("IDAT", PngBytes.rgba(64, 48, 0xFFFF0000)),
            PngBytes.fctl(0, 32, 24, 16, 12), PngBytes.fdat(1, PngBytes.rgba(32, 24, 0xFF0000FF)),
            PngBytes.fctl(2, 64, 48, 0, 0), PngBytes.fdat(3, PngBytes.rgba(64, 48, 0xFF00FF00)), PngBytes.iend());

    /** An animated GIF: a 64x48 screen, first frame a blue 20x10 block at (30,30), then a red full frame. */
    public static final byte[] GIF_FIRST_FRAME_AT_OFFSET = GifBytes.screen(64, 48, 0xFF0000, 0x0000FF)
            .frame(30, 30, 20, 10, 1).frame(0, 0, 64, 48, 0).trailer().bytes();

    /** An animated WebP: a 64x48 canvas, first frame a blue 32x24 block at (16,12), then a red full frame. */
    public static final byte[] WEBP_FIRST_FRAME_AT_OFFSET = WebpBytes.riff(WebpBytes.vp8x(0x12, 64, 48),
            WebpBytes.anim(), WebpBytes.anmf(16, 12, 32, 24, WebpBytes.vp8l(32, 24, 0xFF0000FF)),
            WebpBytes.anmf(0, 0, 64, 48, WebpBytes.vp8l(64, 48, 0xFFFF0000)));

    private void gif() {
        reject("gif-frame-1-65535x65535", GifBytes.screen(1, 1, 0).descriptor(0, 0, 65535, 65535, 7).trailer().bytes(),
                "too-many-pixels", "frame 1 is 65535x65535");
        reject("gif-frame-2-65535x65535", GifBytes.screen(64, 48, 0).frame(0, 0, 64, 48, 0)
                .descriptor(0, 0, 65535, 65535, 7).trailer().bytes(), "too-many-pixels", "frame 2 is 65535x65535");
        render("gif-first-frame-at-offset", GIF_FIRST_FRAME_AT_OFFSET, 64, 48);
        render("gif-frame-partly-off-screen", GifBytes.screen(64, 48, 0xFF0000).frame(40, 30, 40, 30, 0).trailer()
                .bytes(), 64, 48);
        render("gif-16000x16000-frame-on-a-64x48-screen", GifBytes.screen(64, 48, 0xFF0000).solidFrame(0, 0, 16000,
                16000, 0).trailer().bytes(), 64, 48);
        render("gif-first-frame-off-screen", GifBytes.screen(64, 48, 0xFF0000).frame(100, 100, 8, 8, 0).trailer()
                .bytes(), 64, 48);
        render("gif-screen-0x0", GifBytes.screen(0, 0, 0xFF0000).frame(5, 5, 20, 10, 0).trailer().bytes(), 25, 15);
        byte[] valid = GifBytes.screen(64, 48, 0xFF0000).frame(0, 0, 64, 48, 0).trailer().bytes();
        reject("gif-no-trailer", Bin.cut(valid, valid.length - 1), "truncated", "no trailer");
        reject("gif-cut-in-image-data", Bin.cut(valid, valid.length / 2), "truncated", "image data of frame 1");
        int data = 13 + 128 * 3 + 10 + 1; // the first sub-block of the frame's LZW data
        reject("gif-lzw-data-stops-early", Bin.concat(Bin.cut(valid, data), new byte[] {(byte) 255},
                Arrays.copyOfRange(valid, data + 1, data + 256), new byte[] {0, 0x3B}), "truncated",
                "stops after 252 of its 3,072 pixels");
        reject("gif-lzw-code-size-12", GifBytes.screen(64, 48, 0).descriptor(0, 0, 64, 48, 12).trailer().bytes(),
                "corrupt", "code size 12");
        reject("gif-unknown-block", GifBytes.screen(64, 48, 0).frame(0, 0, 64, 48, 0).raw(0x99).trailer().bytes(),
                "corrupt", "unknown block");
        GifBytes many = GifBytes.screen(8, 8, 0xFF0000);
        for (int i = 0; i < 20_000; i++) {
            many.frame(i % 8, i / 8 % 8, 1, 1, 0);
        }
        render("gif-20000-frames", many.trailer().bytes(), 8, 8);
    }

    private void webp() {
        byte[] vp8l = WebpBytes.vp8l(64, 48, 0xFF336699);
        // VP8L header: signature 0x2F, then 14 bits width-1, 14 bits height-1 (RFC 9649 3.2).
        byte[] huge = Bin.patch(vp8l, 8, 0x2F, 0xFF, 0xFF, 0xFF, 0x0F);
        reject("webp-vp8l-16384x16384", WebpBytes.riff(huge), "too-many-pixels", "16384x16384");
        reject("webp-canvas-16384x16384", WebpBytes.riff(WebpBytes.vp8x(0, 16384, 16384), vp8l), "too-many-pixels",
                "16384x16384");
        reject("webp-bitstream-not-canvas", WebpBytes.riff(WebpBytes.vp8x(0, 640, 480), vp8l), "corrupt", "bitstream");
        render("webp-first-frame-at-offset", WEBP_FIRST_FRAME_AT_OFFSET, 64, 48);
        reject("webp-frame-outside-canvas", WebpBytes.riff(WebpBytes.vp8x(0x12, 64, 48), WebpBytes.anim(),
                WebpBytes.anmf(40, 40, 32, 24, WebpBytes.vp8l(32, 24, 0xFF0000FF))), "corrupt", "outside");
        reject("webp-frame-2-16384x16384", WebpBytes.riff(WebpBytes.vp8x(0x12, 64, 48), WebpBytes.anim(),
                WebpBytes.anmf(0, 0, 64, 48, vp8l), WebpBytes.anmf(0, 0, 16384, 16384, huge)), "too-many-pixels",
                "frame 2 is 16384x16384");
        byte[] simple = WebpBytes.riff(vp8l);
        reject("webp-riff-past-end", Bin.cut(simple, simple.length - 10), "truncated", "RIFF");
        reject("webp-chunk-past-riff", WebpBytes.riff(WebpBytes.vp8x(0, 64, 48), Bin.patch(vp8l, 4, 0xFF, 0xFF, 0, 0)),
                "truncated", "VP8L");
        byte[] lossy = WebpBytes.vp8Noise(64, 48);
        reject("webp-vp8-data-cut-inside-whole-chunks", WebpBytes.riff(WebpBytes.chunk("VP8 ",
                Arrays.copyOfRange(lossy, 8, 8 + (lossy.length - 8) * 3 / 4))), "truncated", "NotEnoughData");
        reject("webp-alph-bad-header", WebpBytes.riff(WebpBytes.vp8x(0x10, 64, 48), WebpBytes.chunk("ALPH",
                new byte[] {(byte) 0xC3, 0}), vp8l), "corrupt", "ALPH");
    }

    private void tiff() {
        render("tiff-grey", TiffBytes.grey(64, 48).bytes(), 64, 48);
        // LZW: the JDK's decompressor allocates the whole tile before reading its 16 bytes (150 bytes, 900 Mpx: OOM).
        reject("tiff-one-30000x30000-lzw-tile", tiled(30000, 5).bytes(), "too-many-pixels", "tile is 30000x30000");
        reject("tiff-16000x16000-lzw-tile-for-64x48", tiled(16000, 5).bytes(), "corrupt", "tiles are 16000x16000");
        render("tiff-256x256-tile-for-64x48", tiled(256, 1).bytes(), 64, 48);
        reject("tiff-strip-past-end", TiffBytes.grey(64, 48).set(279, LONG, 1_000_000).bytes(), "truncated", "strip 1");
        reject("tiff-strip-short", TiffBytes.grey(64, 48).set(279, LONG, 100).bytes(), "truncated", "holds 100 bytes");
        reject("tiff-rows-per-strip-0", TiffBytes.grey(64, 48).set(278, LONG, 0).bytes(), "corrupt", "RowsPerStrip");
        reject("tiff-30-bit-samples", TiffBytes.grey(64, 48).set(258, SHORT, 30).bytes(), "unsupported-format",
                "30-bit samples");
        reject("tiff-1000-samples", TiffBytes.grey(64, 48).set(277, SHORT, 1000).bytes(), "unsupported-format",
                "1000 samples");
        reject("tiff-zstd", TiffBytes.grey(64, 48).set(259, SHORT, 50000).bytes(), "unsupported-format", "Zstandard");
        reject("tiff-old-jpeg", TiffBytes.grey(64, 48).set(259, SHORT, 6).bytes(), "unsupported-format", "old-style");
        reject("tiff-logluv", TiffBytes.grey(64, 48).set(262, SHORT, 32845).bytes(), "unsupported-format",
                "photometric interpretation 32845");
        reject("tiff-float-samples", TiffBytes.grey(64, 48).set(339, SHORT, 3).bytes(), "unsupported-format",
                "floating-point");
        reject("tiff-bigtiff", Bin.little().ascii("II").u16(43).u16(8).u16(0).u32(16).u32(0).toBytes(),
                "unsupported-format", "BigTIFF");
        reject("tiff-no-width", TiffBytes.grey(64, 48).remove(256).bytes(), "corrupt", "ImageWidth");
        byte[] plain = TiffBytes.grey(64, 48).bytes();
        int ifd = (int) (plain[4] & 0xFF | (plain[5] & 0xFF) << 8);
        reject("tiff-60000-entries", Bin.patch(plain, ifd, 0x60, 0xEA), "corrupt", "60,000 entries");
        TiffBytes overlapping = TiffBytes.grey(64, 48);
        for (int i = 0; i < 200; i++) {
            overlapping.pointing(40000 + i, LONG, 768, 0); // each claims the strip's 3,072 bytes again
        }
        reject("tiff-directory-values-overlapping", overlapping.bytes(), "corrupt", "add up");
        TiffBytes ycbcr = new TiffBytes(); // uncompressed YCbCr 4:2:0: 6 bytes per 2x2 block
        int ycbcrStrip = ycbcr.data(new byte[32 * 24 * 6]);
        ycbcr.entry(256, LONG, 64).entry(257, LONG, 48).entry(258, SHORT, 8, 8, 8).entry(259, SHORT, 1)
                .entry(262, SHORT, 6).entry(273, LONG, blob(ycbcrStrip)).entry(277, SHORT, 3).entry(278, LONG, 48)
                .entry(279, LONG, 32 * 24 * 6).entry(530, SHORT, 2, 2);
        render("tiff-ycbcr-subsampled-uncompressed", ycbcr.bytes(), 64, 48);
        TiffBytes badProfile = TiffBytes.grey(64, 48);
        badProfile.pointing(34675, 7, 200, badProfile.data(filled(200, 0x41))); // ICC profile: 200 bytes of 'A'
        render("tiff-garbage-icc-profile", badProfile.bytes(), 64, 48);
        render("tiff-page-loop", TiffBytes.grey(64, 48).loop().bytes(), 64, 48);
        render("tiff-5000-pages", TiffBytes.grey(64, 48).pages(5000).bytes(), 64, 48);
        byte[] jpeg = JpegBytes.encode(64, 48, false);
        int sof = JpegBytes.frameHeader(jpeg);
        TiffBytes jpegTiff = new TiffBytes();
        int strip = jpegTiff.data(Bin.patch(jpeg, sof + 5, 0xFF, 0xFF, 0xFF, 0xFF));
        jpegTiff.entry(256, LONG, 64).entry(257, LONG, 48).entry(258, SHORT, 8, 8, 8).entry(259, SHORT, 7)
                .entry(262, SHORT, 6).entry(273, LONG, blob(strip)).entry(277, SHORT, 3).entry(278, LONG, 48)
                .entry(279, LONG, jpeg.length);
        reject("tiff-jpeg-strip-65535x65535", jpegTiff.bytes(), "too-many-pixels", "strip 1's JPEG stream");
    }

    /** A 64x48 grey TIFF in one square tile of the given side: whole when uncompressed, else 16 bytes. */
    private static TiffBytes tiled(int side, int compression) {
        TiffBytes tiff = new TiffBytes();
        int tile = tiff.data(new byte[compression == 1 ? side * side : 16]);
        return tiff.entry(256, LONG, 64).entry(257, LONG, 48).entry(258, SHORT, 8).entry(259, SHORT, compression)
                .entry(262, SHORT, 1).entry(277, SHORT, 1).entry(322, LONG, side).entry(323, LONG, side)
                .entry(324, LONG, blob(tile)).entry(325, LONG, compression == 1 ? (long) side * side : 16);
    }

    private void bmp() {
        render("bmp-24-bit", BmpBytes.rgb(64, 48, 0x336699), 64, 48);
        reject("bmp-embedded-png-claiming-1gib", BmpBytes.info(64, 48, 0, 5, 1L << 30, 0, new byte[67]),
                "unsupported-format", "BI_PNG");
        reject("bmp-embedded-jpeg", BmpBytes.info(64, 48, 0, 4, 1000, 0, JpegBytes.encode(64, 48, false)),
                "unsupported-format", "BI_JPEG");
        reject("bmp-65536x65536", BmpBytes.info(65536, 65536, 24, 0, 0, 0, new byte[16]), "too-many-pixels",
                "65536x65536");
        reject("bmp-height-min-int", BmpBytes.info(64, Integer.MIN_VALUE, 24, 0, 0, 0, new byte[16]), "corrupt",
                "pixels");
        byte[] valid = BmpBytes.rgb(64, 48, 0x336699);
        reject("bmp-rows-past-end", Bin.cut(valid, valid.length / 2), "truncated", "rows");
        byte[] palette = new byte[256 * 4];
        reject("bmp-rle8-without-end", BmpBytes.info(64, 48, 8, 1, 0, palette.length,
                Bin.concat(palette, new byte[] {10, 1, 10, 1, 0, 0})), "truncated", "end-of-bitmap");
        reject("bmp-rle8-size-past-end", BmpBytes.info(64, 48, 8, 1, 1L << 30, palette.length,
                Bin.concat(palette, new byte[] {0, 1})), "truncated", "RLE data runs");
        render("bmp-rle8", BmpBytes.info(64, 48, 8, 1, 0, palette.length, Bin.concat(palette, new byte[] {64, 3, 0, 1})),
                64, 48);
        reject("bmp-pixels-inside-headers", Bin.patch(valid, 10, 20, 0, 0, 0), "corrupt", "inside its headers");
        reject("bmp-pixels-past-end", Bin.patch(valid, 10, 0, 0, 0x10, 0), "truncated", "pixel data would start");
        reject("bmp-8-bit-without-palette", BmpBytes.info(64, 48, 8, 0, 0, 0, new byte[64 * 48]), "corrupt",
                "colour table");
        reject("bmp-bit-fields-with-2^28-colours", Bin.patch(BmpBytes.info(64, 48, 32, 3, 0, 12,
                Bin.concat(Bin.little().u32(0xFF0000).u32(0xFF00).u32(0xFF).toBytes(), new byte[64 * 48 * 4])), 46, 0, 0,
                0, 0x10), "corrupt", "268,435,456 entries");
        reject("bmp-2-bits-per-pixel", BmpBytes.info(64, 48, 2, 0, 0, 16, new byte[16 + 16 * 48]),
                "unsupported-format", "2 bits per pixel");
        reject("bmp-os2-v2-header", Bin.patch(valid, 14, 64), "unsupported-format", "OS/2");
        reject("bmp-top-down-rle", BmpBytes.info(64, -48, 8, 1, 0, palette.length, Bin.concat(palette,
                new byte[] {0, 1})), "corrupt", "top-down");
        render("bmp-top-down", Bin.patch(valid, 22, 0xD0, 0xFF, 0xFF, 0xFF), 64, 48);
        render("bmp-v5-garbage-profile", BmpBytes.withProfile(8, 8, filled(200, 0x41), -1), 8, 8);
        render("bmp-v5-profile-outside-file", BmpBytes.withProfile(8, 8, new byte[16], 1 << 30), 8, 8);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** PNG rows (filter byte 0, then pseudo-random samples) that do not compress. */
    private static byte[] noise(int rowBytes, int rows) {
        byte[] raw = new byte[rowBytes * rows];
        Random random = new Random(7);
        random.nextBytes(raw);
        for (int y = 0; y < rows; y++) {
            raw[y * rowBytes] = 0;
        }
        return raw;
    }
}
