package imaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Tells the format from the first bytes of a file (at most {@link #HEAD_BYTES}). */
public final class FormatSniffer {

    /** How many leading bytes the sniffer may look at. */
    public static final int HEAD_BYTES = 1024;

    private FormatSniffer() {
    }

    public static Optional<ImageFormat> sniff(byte[] data) {
        if (data.length >= 132 && ascii(data, 128, 4).equals("DICM")) {
            // DICOM first: some DICOM preambles start with a TIFF header.
            return Optional.of(ImageFormat.DICOM);
        }
        if (startsWith(data, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(ImageFormat.PNG);
        }
        if (ascii(data, 0, 6).equals("GIF87a") || ascii(data, 0, 6).equals("GIF89a")) {
            return Optional.of(ImageFormat.GIF);
        }
        if (ascii(data, 0, 4).equals("RIFF") && ascii(data, 8, 4).equals("WEBP")) {
            return Optional.of(ImageFormat.WEBP);
        }
        // Classic TIFF (42) and BigTIFF (43): the structure reader names what it cannot decode.
        if (startsWith(data, 'I', 'I', 42, 0) || startsWith(data, 'M', 'M', 0, 42)
                || startsWith(data, 'I', 'I', 43, 0) || startsWith(data, 'M', 'M', 0, 43)) {
            return Optional.of(ImageFormat.TIFF);
        }
        if (ascii(data, 0, 2).equals("BM") && data.length >= 26 && isBitmapHeaderSize(data)) {
            return Optional.of(ImageFormat.BMP);
        }
        if (ascii(data, 4, 4).equals("ftyp")) {
            String brand = ascii(data, 8, 4);
            if (brand.equals("avif") || brand.equals("avis")) {
                return Optional.of(ImageFormat.AVIF);
            }
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
                return Optional.of(ImageFormat.HEIC);
            }
        }
        if (looksLikeSvg(data)) {
            return Optional.of(ImageFormat.SVG);
        }
        return Optional.empty();
    }

    /** "BM" alone starts plenty of text; a BMP follows it with one of the bitmap header sizes Windows and OS/2 use. */
    private static boolean isBitmapHeaderSize(byte[] data) {
        long size = (data[14] & 0xFF) | (data[15] & 0xFF) << 8 | (data[16] & 0xFF) << 16 | (long) (data[17] & 0xFF) << 24;
        return size == 12 || size == 16 || size == 40 || size == 52 || size == 56 || size == 64 || size == 108
                || size == 124;
    }

    private static boolean looksLikeSvg(byte[] data) {
        String head = new String(data, 0, Math.min(data.length, HEAD_BYTES), StandardCharsets.UTF_8).stripLeading();
        return (head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!DOCTYPE svg"))
                && head.contains("<svg");
    }

    private static boolean startsWith(byte[] data, int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] data, int offset, int length) {
        if (data.length < offset + length) {
            return "";
        }
        return new String(data, offset, length, StandardCharsets.ISO_8859_1);
    }
}
