package testing;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Byte-level building blocks for hand-made test files. */
public final class Bin {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean littleEndian;

    private Bin(boolean littleEndian) {
        this.littleEndian = littleEndian;
    }

    public static Bin little() {
        return new Bin(true);
    }

    public static Bin big() {
        return new Bin(false);
    }

    public Bin u8(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    public Bin u16(long value) {
        return littleEndian ? u8((int) value & 0xFF, (int) (value >> 8) & 0xFF)
                : u8((int) (value >> 8) & 0xFF, (int) value & 0xFF);
    }

    public Bin u24(long value) {
        return littleEndian ? u8((int) value & 0xFF, (int) (value >> 8) & 0xFF, (int) (value >> 16) & 0xFF)
                : u8((int) (value >> 16) & 0xFF, (int) (value >> 8) & 0xFF, (int) value & 0xFF);
    }

    public Bin u32(long value) {
        return littleEndian ? u16(value & 0xFFFF).u16(value >>> 16 & 0xFFFF) : u16(value >>> 16 & 0xFFFF).u16(value & 0xFFFF);
    }

    public Bin ascii(String text) {
        for (char c : text.toCharArray()) {
            out.write(c);
        }
        return this;
    }

    public Bin bytes(byte[] data) {
        out.writeBytes(data);
        return this;
    }

    public Bin zeros(int count) {
        out.writeBytes(new byte[count]);
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    /** The first {@code length} bytes. */
    public static byte[] cut(byte[] data, int length) {
        return Arrays.copyOf(data, length);
    }

    /** A copy with {@code replacement} written over the bytes at {@code at}. */
    public static byte[] patch(byte[] data, int at, int... replacement) {
        byte[] copy = data.clone();
        for (int i = 0; i < replacement.length; i++) {
            copy[at + i] = (byte) replacement[i];
        }
        return copy;
    }

    /** The position of the first occurrence of {@code needle} at or after {@code from}, or -1. */
    public static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= data.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (data[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** {@code data} with {@code insert} placed at {@code at}. */
    public static byte[] insert(byte[] data, int at, byte[] insert) {
        byte[] out = new byte[data.length + insert.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(data, at, out, at + insert.length, data.length - at);
        return out;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
