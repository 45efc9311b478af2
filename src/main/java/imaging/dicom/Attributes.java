package imaging.dicom;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The whitelisted top-level values of one dataset ({@link Tag#KEPT}), as raw bytes, and where its pixel
 * data lies. Each accessor validates its value's form (PS3.5 6.2) and treats anything else as absent,
 * without ever quoting it.
 */
final class Attributes {

    /** The Pixel Data length that says its value is a sequence of fragments (PS3.5 A.4). */
    static final long ENCAPSULATED = -1;
    /** Enough for the first value of any kept element; longer values are cut here. */
    static final int MAX_KEPT_BYTES = 256;

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    /** Code String: upper-case letters, digits, space and underscore, at most 16 characters. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_ ]{1,16}");

    private final ByteOrder order;
    private final Map<Integer, byte[]> values = new HashMap<>();
    private long pixelOffset = -1;
    private long pixelLength;
    private String pixelVr;

    Attributes(ByteOrder order) {
        this.order = order;
    }

    /** Keeps the first occurrence only. */
    void keep(int tag, byte[] value) {
        values.putIfAbsent(tag, value);
    }

    /** Where Pixel Data starts, its length (or {@link #ENCAPSULATED}), and its VR (null when implicit). */
    void pixelData(long offset, long length, String vr) {
        pixelOffset = offset;
        pixelLength = length;
        pixelVr = vr;
    }

    boolean hasPixelData() {
        return pixelOffset >= 0;
    }

    boolean has(int tag) {
        return values.containsKey(tag);
    }

    /** Whether the element is there with a value that is not blank (whether valid or not). */
    boolean present(int tag) {
        return firstValue(tag) != null;
    }

    /** Where the Pixel Data value starts, in the dataset's bytes. */
    long pixelOffset() {
        return pixelOffset;
    }

    /** The Pixel Data value's declared length in bytes, or {@link #ENCAPSULATED}. */
    long pixelLength() {
        return pixelLength;
    }

    /** Pixel Data stored as 16-bit words (OW): in a big-endian dataset, 8-bit samples come swapped in pairs. */
    boolean pixelDataInWords() {
        return "OW".equals(pixelVr);
    }

    /** An Unsigned Short (US): the first value. */
    OptionalInt unsignedShort(int tag) {
        byte[] v = values.get(tag);
        if (v == null || v.length < 2) {
            return OptionalInt.empty();
        }
        int a = v[0] & 0xFF;
        int b = v[1] & 0xFF;
        return OptionalInt.of(order == ByteOrder.LITTLE_ENDIAN ? a | b << 8 : a << 8 | b);
    }

    /** A Unique Identifier (UI): digits and dots, at most 64 characters (PS3.5 9.1). */
    Optional<String> uid(int tag) {
        String first = firstValue(tag);
        return first != null && first.matches("[0-9.]{1,64}") ? Optional.of(first) : Optional.empty();
    }

    /** An Integer String (IS): the first value. */
    OptionalInt integer(int tag) {
        String first = firstValue(tag);
        if (first == null || !INTEGER.matcher(first).matches()) {
            return OptionalInt.empty();
        }
        long value = Long.parseLong(first.startsWith("+") ? first.substring(1) : first);
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? OptionalInt.of((int) value) : OptionalInt.empty();
    }

    /** A Decimal String (DS): the first value, when finite. */
    OptionalDouble decimal(int tag) {
        String first = firstValue(tag);
        if (first == null || !DECIMAL.matcher(first).matches()) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(first);
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** A Code String (CS): the first value, trimmed. */
    Optional<String> code(int tag) {
        String first = firstValue(tag);
        return first != null && CODE.matcher(first).matches() ? Optional.of(first) : Optional.empty();
    }

    /** A Date (DA) as ISO {@code yyyy-MM-dd}; the ACR-NEMA form {@code yyyy.MM.dd} is read too. */
    Optional<String> date(int tag) {
        String first = firstValue(tag);
        if (first == null) {
            return Optional.empty();
        }
        String digits = first.length() == 10 && first.charAt(4) == '.' && first.charAt(7) == '.'
                ? first.substring(0, 4) + first.substring(5, 7) + first.substring(8)
                : first;
        if (!digits.matches("\\d{8}")) {
            return Optional.empty();
        }
        int year = Integer.parseInt(digits.substring(0, 4));
        int month = Integer.parseInt(digits.substring(4, 6));
        int day = Integer.parseInt(digits.substring(6));
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return Optional.empty();
        }
        return Optional.of("%04d-%02d-%02d".formatted(year, month, day));
    }

    /** The text before the first backslash, without padding (spaces, NULs); null when absent or empty. */
    private String firstValue(int tag) {
        byte[] v = values.get(tag);
        if (v == null) {
            return null;
        }
        String text = new String(v, StandardCharsets.ISO_8859_1);
        int backslash = text.indexOf('\\');
        String first = (backslash >= 0 ? text.substring(0, backslash) : text).replace('\0', ' ').strip();
        return first.isEmpty() ? null : first;
    }
}
