package support;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** ULIDs: 26 characters, sortable by creation time, unguessable (80 random bits). Used as job ids. */
public final class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 26 Crockford base32 characters; the first carries the top 3 of the timestamp's 48 bits, so 0-7. */
    private static final Pattern CANONICAL = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Z]{25}");

    private Ulid() {
    }

    public static String next(Instant now) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        char[] out = new char[26];
        long time = now.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits as 16 base-32 characters.
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xFF);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (random[i] & 0xFF);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }

    /**
     * The canonical (upper-case) form of a well-formed ULID, or empty for anything else. As the ULID
     * specification says, case does not matter; Crockford's look-alike letters (I, L, O, U) are refused.
     */
    public static Optional<String> canonical(String text) {
        if (text == null || text.length() != 26) {
            return Optional.empty();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        return CANONICAL.matcher(upper).matches() ? Optional.of(upper) : Optional.empty();
    }
}
