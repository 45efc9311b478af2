package imaging;

/**
 * What an upload may cost before any pixel is decoded.
 *
 * @param maxBytes  the largest accepted file
 * @param maxPixels the largest accepted width x height (sharp/libvips' default is 16383^2)
 */
public record Limits(long maxBytes, long maxPixels) {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final long DEFAULT_MAX_PIXELS = 268_402_689L;

    public static Limits defaults() {
        return new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS);
    }
}
