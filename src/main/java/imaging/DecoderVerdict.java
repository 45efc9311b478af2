package imaging;

import java.io.EOFException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Judges what decoders say by kind. Truncation and the picture's structure are already judged from the
 * file before decoding; here a decoder's warnings and failures are sorted: a colour profile it cannot
 * use is ignored (the picture is taken as sRGB, as browsers do), damaged data is {@code corrupt}, data
 * that ends early is {@code truncated}, a coding it cannot read is {@code unsupported-format}, and
 * notices about metadata are harmless.
 */
final class DecoderVerdict {

    /**
     * Colour-profile notices (TwelveMonkeys' "Bad 'ICC_PROFILE' chunk(s) ... Ignoring ICC profile", the
     * JDK TIFF reader's "Superseding bad ICC profile", "Embedded color profile is invalid and will be
     * ignored"): the decoder carries on in sRGB. Checked first, as they may say "truncated".
     */
    private static final Pattern COLOUR_PROFILE = Pattern.compile("(?i)ICC|colou?r profile|color ?space");
    /**
     * libjpeg's JWRN_JPEG_EOF, the JDK's missing-EOI warning, libwebp's VP8_STATUS_NOT_ENOUGH_DATA (as
     * webp-imageio names it): the data ends early.
     */
    private static final Pattern TRUNCATION = Pattern.compile(
            "(?i)premature end of JPEG file|missing EOI|truncated|NotEnoughData|NOT_ENOUGH_DATA");
    /**
     * Damage the decoder papers over with grey or wrong pixels: libjpeg's JWRN_HUFF_BAD_CODE,
     * JWRN_ARITH_BAD_CODE, JWRN_HIT_MARKER (a scan's data stops short), JWRN_MUST_RESYNC,
     * JWRN_BOGUS_PROGRESSION, JWRN_NOT_SEQUENTIAL; the JDK GIF reader's out-of-sequence LZW code.
     * (libjpeg's "extraneous bytes before marker" is not here: it loses no pixel.)
     */
    private static final Pattern DAMAGE = Pattern.compile("(?i)bad huffman code|bad arithmetic code"
            + "|premature end of data segment|instead of RST|inconsistent progression|invalid SOS parameters"
            + "|out-of-sequence code");
    /** Failures naming a coding the decoder lacks (libjpeg's JERR_SOF_UNSUPPORTED, the TIFF reader's). */
    private static final Pattern UNSUPPORTED = Pattern.compile("(?i)unsupported|not supported");

    private DecoderVerdict() {
    }

    /** The rejection a warning calls for, or null when the picture stands. */
    static ImageRejectedException ofWarning(String message, ImageFormat format) {
        if (message == null || COLOUR_PROFILE.matcher(message).find()) {
            return null;
        }
        if (TRUNCATION.matcher(message).find()) {
            return truncated(format, message);
        }
        if (DAMAGE.matcher(message).find()) {
            return new ImageRejectedException(RejectReason.CORRUPT,
                    "The %s data is damaged: %s".formatted(name(format), message));
        }
        return null;
    }

    /** The rejection a decoder's failure calls for. */
    static ImageRejectedException ofFailure(Exception failure, ImageFormat format) {
        String message = describe(failure);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EOFException) {
                return truncated(format, message);
            }
        }
        if (UNSUPPORTED.matcher(message).find()) {
            return new ImageRejectedException(RejectReason.UNSUPPORTED_FORMAT,
                    "This %s uses a coding the decoder cannot read: %s".formatted(name(format), message), failure);
        }
        if (TRUNCATION.matcher(message).find() && !COLOUR_PROFILE.matcher(message).find()) {
            return truncated(format, message);
        }
        return new ImageRejectedException(RejectReason.CORRUPT,
                "The %s data cannot be decoded: %s".formatted(name(format), message), failure);
    }

    /** The failure's message with its causes' ("Error reading PNG image data: invalid distance too far back"). */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != failure; cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    static ImageRejectedException truncated(ImageFormat format, String detail) {
        return new ImageRejectedException(RejectReason.TRUNCATED,
                "The %s file ends before its image data does (%s)".formatted(name(format), detail));
    }

    private static String name(ImageFormat format) {
        return format == ImageFormat.WEBP ? "WebP" : format.id().toUpperCase(Locale.ROOT);
    }
}
