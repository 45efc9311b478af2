package imaging;

/**
 * What an upload may cost before any pixel is decoded.
 *
 * @param maxBytes     the largest accepted file
 * @param maxPixels    the largest accepted width x height, of the picture and of every frame or tile
 *                     the decoder allocates on its own (sharp/libvips' default is 16383^2)
 * @param maxJpegScans the most scans a JPEG may have: each progressive scan is a pass over the whole
 *                     picture, so thousands of tiny scans take minutes to decode (libjpeg-turbo offers
 *                     the same guard as TJPARAM_SCANLIMIT; NVIDIA nvImageCodec defaults it to 256)
 */
public record Limits(long maxBytes, long maxPixels, int maxJpegScans) {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final long DEFAULT_MAX_PIXELS = 268_402_689L;
    public static final int DEFAULT_MAX_JPEG_SCANS = 256;

    public static Limits defaults() {
        return new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_MAX_JPEG_SCANS);
    }
}
