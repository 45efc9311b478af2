package imaging;

/**
 * Told how long each stage of one render took, so that a caller can time the engine without the engine
 * knowing any metrics library. Durations are in nanoseconds of {@link System#nanoTime()}; calls come on the
 * rendering thread, in stage order.
 */
public interface StageListener {

    /** Hears nothing. */
    StageListener NONE = new StageListener() {
    };

    /** The source decoded into pixels (once per render). */
    default void decoded(long nanos) {
    }

    /** One variant's pixels made: resized or cropped, then sharpened and watermarked as its spec says. */
    default void scaled(long nanos) {
    }

    /** One variant encoded in its output format. */
    default void encoded(OutputFormat format, long nanos) {
    }
}
