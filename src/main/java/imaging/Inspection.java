package imaging;

/**
 * What the file's structure says about an upload, learnt without decoding its pixels: every size in it
 * has been checked against the {@link Limits}.
 *
 * @param width    the canvas as stored (an animation's logical screen), before EXIF orientation
 * @param bytes    the file's size
 * @param frame    where the first frame sits on the canvas (the whole canvas for a still picture)
 * @param tile     the largest piece the decoder decodes on its own (a TIFF tile or strip; the first
 *                 frame otherwise)
 * @param frames   frames, or TIFF pages, counted up to a cap (1 for a still picture)
 * @param animated the picture moves: only its first frame is rendered
 * @param scans    JPEG scans (0 for other formats)
 * @param exif     where the EXIF block (TIFF-structured) sits in the file, or null
 * @param nativeBytes what the decoder allocates outside the Java heap while decoding: a JPEG of more
 *                 than one scan keeps every coefficient (libjpeg: 64 x 2 bytes a block), lossless WebP
 *                 keeps the picture as 4 bytes a pixel and a WebP alpha plane 1 (libwebp); 0 otherwise
 */
public record Inspection(ImageFormat format, int width, int height, long bytes, Area frame, Area tile, int frames,
        boolean animated, int scans, Span exif, long nativeBytes) {

    /** A still picture decoded whole, with no EXIF. */
    public Inspection(ImageFormat format, int width, int height, long bytes) {
        this(format, width, height, bytes, Area.of(width, height), Area.of(width, height), 1, false, 0, null, 0);
    }

    public long pixels() {
        return (long) width * height;
    }

    /** Whether the first frame covers less of the canvas than all of it, so it is drawn onto the canvas. */
    public boolean framed() {
        return !frame.equals(Area.of(width, height));
    }
}
