package analysis;

import java.util.Locale;

/** What a preset does with content moderation. */
public enum Moderation {
    /** No moderation call. */
    OFF,
    /** Moderation labels are kept on the image record; the image is published whatever they say. */
    RECORD,
    /**
     * An image with a moderation label (of the refused categories) ends FAILED {@code moderated}, and
     * none of its variants is written; so does an image that cannot be moderated.
     */
    REFUSE;

    /** {@code off}, {@code record} or {@code refuse}. */
    public static Moderation parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("moderation should be off, record or refuse, not '" + value + "'", e);
        }
    }
}
