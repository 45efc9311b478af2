package imaging.formats;

import imaging.ImageRejectedException;
import imaging.RejectReason;
import java.nio.charset.StandardCharsets;

/**
 * A file held in memory, read at positions given as 64-bit numbers (sizes read from files are added
 * without overflow). Reading past the end is the file being cut short: {@code truncated}, saying what
 * was being read.
 */
final class Bytes {

    private final byte[] data;
    private final String format;
    private final boolean littleEndian;

    Bytes(byte[] data, String format, boolean littleEndian) {
        this.data = data;
        this.format = format;
        this.littleEndian = littleEndian;
    }

    /** The same bytes read in the other byte order (TIFF says which in its header). */
    Bytes littleEndian(boolean little) {
        return new Bytes(data, format, little);
    }

    int length() {
        return data.length;
    }

    byte[] array() {
        return data;
    }

    /** Whether {@code length} bytes from {@code at} are inside the file. */
    boolean has(long at, long length) {
        return at >= 0 && length >= 0 && at + length <= data.length;
    }

    /** Refuses as truncated unless {@code length} bytes from {@code at} are inside the file. */
    void require(long at, long length, String what) throws ImageRejectedException {
        if (!has(at, length)) {
            throw new ImageRejectedException(RejectReason.TRUNCATED,
                    "The %s file ends inside %s: it needs %,d bytes, the file has %,d".formatted(format, what,
                            at + length, data.length));
        }
    }

    int u8(long at, String what) throws ImageRejectedException {
        require(at, 1, what);
        return data[(int) at] & 0xFF;
    }

    int u16(long at, String what) throws ImageRejectedException {
        require(at, 2, what);
        int i = (int) at;
        return littleEndian ? (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 : (data[i] & 0xFF) << 8 | data[i + 1] & 0xFF;
    }

    int u24(long at, String what) throws ImageRejectedException {
        require(at, 3, what);
        int i = (int) at;
        return littleEndian
                ? (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16
                : (data[i] & 0xFF) << 16 | (data[i + 1] & 0xFF) << 8 | data[i + 2] & 0xFF;
    }

    long u32(long at, String what) throws ImageRejectedException {
        require(at, 4, what);
        int i = (int) at;
        long a = data[i] & 0xFF;
        long b = data[i + 1] & 0xFF;
        long c = data[i + 2] & 0xFF;
        long d = data[i + 3] & 0xFF;
        return littleEndian ? a | b << 8 | c << 16 | d << 24 : a << 24 | b << 16 | c << 8 | d;
    }

    /** Four ASCII letters (a chunk or marker name), or "" past the end. */
    String fourCc(long at) {
        return has(at, 4) ? new String(data, (int) at, 4, StandardCharsets.ISO_8859_1) : "";
    }

    /** Whether the bytes at {@code at} are exactly these ASCII characters. */
    boolean startsWith(long at, String ascii) {
        if (!has(at, ascii.length())) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if ((data[(int) at + k] & 0xFF) != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
