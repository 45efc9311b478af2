package testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The metadata blocks an encoded JPEG or WebP carries, read from its structure (not by searching its
 * bytes, where "GPS" can occur by chance in compressed data).
 */
public final class MetadataBlocks {

    private MetadataBlocks() {
    }

    /**
     * JPEG: the APPn segments before the scan, as "APP1 Exif", "APP1 XMP", "APP2 ICC"...; WebP: the
     * RIFF chunks other than image data ("EXIF", "XMP ", "ICCP").
     */
    public static List<String> of(byte[] data) {
        if (data.length > 12 && data[0] == 'R' && data[1] == 'I' && data[8] == 'W') {
            return webp(data);
        }
        return jpeg(data);
    }

    private static List<String> jpeg(byte[] data) {
        List<String> blocks = new ArrayList<>();
        int at = 2;
        while (at + 4 <= data.length && (data[at] & 0xFF) == 0xFF) {
            int marker = data[at + 1] & 0xFF;
            if (marker == 0xDA) {
                break;
            }
            int length = (data[at + 2] & 0xFF) << 8 | (data[at + 3] & 0xFF);
            if (marker >= 0xE0 && marker <= 0xEF) {
                String id = new String(data, at + 4, Math.min(4, length - 2), StandardCharsets.ISO_8859_1);
                blocks.add("APP" + (marker - 0xE0) + " " + id);
            }
            at += 2 + length;
        }
        return blocks;
    }

    private static List<String> webp(byte[] data) {
        List<String> blocks = new ArrayList<>();
        int at = 12;
        while (at + 8 <= data.length) {
            String id = new String(data, at, 4, StandardCharsets.ISO_8859_1);
            int size = (data[at + 4] & 0xFF) | (data[at + 5] & 0xFF) << 8 | (data[at + 6] & 0xFF) << 16
                    | (data[at + 7] & 0xFF) << 24;
            if (!id.startsWith("VP8") && !id.equals("ALPH")) {
                blocks.add(id);
            }
            at += 8 + size + (size & 1);
        }
        return blocks;
    }

    /** Whether any block is EXIF or XMP (where GPS positions live). */
    public static boolean hasExifOrXmp(byte[] data) {
        return of(data).stream().anyMatch(b -> b.contains("Exif") || b.contains("EXIF") || b.startsWith("XMP")
                || b.startsWith("APP1"));
    }
}
