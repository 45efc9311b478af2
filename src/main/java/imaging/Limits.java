package imaging;

import java.time.Duration;

/**
 * What an upload may cost: checked before any pixel is decoded (bytes, pixels, JPEG scans, the heap its
 * decode needs), and while it renders (time).
 *
 * @param maxBytes        the largest accepted file
 * @param maxPixels       the largest accepted width x height, of the picture and of every frame or tile
 *                        the decoder allocates on its own (sharp/libvips' default is 16383^2)
 * @param maxDecodeBytes  the heap, in bytes, that the renders under way may fill with pixels together:
 *                        what the decoder allocates and the pictures made from it, estimated from the
 *                        headers. One render needing more is refused {@code too-many-pixels} (a JPEG to
 *                        be scaled down needs little: it is decoded in one pass straight into the
 *                        scaler); renders that would together need more wait for each other. See
 *                        {@link #decodeBytesFor}.
 * @param renderTimeLimit how long one render may run once it has its heap: past it, it is stopped and
 *                        ends {@code too-complex}. 30 s by default: a 24 MP photo takes under a second
 *                        here, and a message's whole visit (waiting for another render's heap, this
 *                        render, Camel's ~25 s of retries of S3 errors) must end well inside the 120 s
 *                        lease (the queue's visibility timeout), after which another worker takes it.
 * @param maxJpegScans    the most scans a JPEG may have: each progressive scan is a pass over the whole
 *                        picture, so thousands of tiny scans take minutes to decode (libjpeg-turbo offers
 *                        the same guard as TJPARAM_SCANLIMIT; NVIDIA nvImageCodec defaults it to 256).
 *                        Scans x pixels are bounded too, by {@link #maxJpegScanPixels()}.
 */
public record Limits(long maxBytes, long maxPixels, long maxDecodeBytes, Duration renderTimeLimit, int maxJpegScans) {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final long DEFAULT_MAX_PIXELS = 268_402_689L;
    public static final Duration DEFAULT_RENDER_TIME_LIMIT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_JPEG_SCANS = 256;

    /** Pixels one scan limit's worth of passes may cover in all: see {@link #maxJpegScanPixels()}. */
    static final long SCAN_PIXELS_PER_SCAN = 16L * 1024 * 1024;

    public Limits {
        if (maxDecodeBytes <= 0 || renderTimeLimit.isNegative() || renderTimeLimit.isZero() || maxJpegScans < 1) {
            throw new IllegalArgumentException(
                    "The decode heap, the render time limit and the scan limit must be positive");
        }
    }

    /**
     * The most decoding passes a JPEG's scans may make, as scans x pixels: the scan limit over a 16 MP
     * picture (256 x 16 Mi, about 4.3 G by default). A 24 MP photo of 10 progressive scans is 0.24 G; a
     * crafted 9000x9000 file of 253 near-empty scans (195 KB) is 20 G and would take the whole time limit.
     */
    public long maxJpegScanPixels() {
        return maxJpegScans * SCAN_PIXELS_PER_SCAN;
    }

    /**
     * The given file and pixel limits, with the default scan limit and the default budgets for one render
     * at a time in this JVM's heap.
     */
    public Limits(long maxBytes, long maxPixels) {
        this(maxBytes, maxPixels, decodeBytesFor(Runtime.getRuntime().maxMemory(), 1, maxBytes),
                DEFAULT_RENDER_TIME_LIMIT, DEFAULT_MAX_JPEG_SCANS);
    }

    /** The defaults, for one render at a time in this JVM's heap. */
    public static Limits defaults() {
        return new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS);
    }

    /**
     * The default {@link #maxDecodeBytes}: half the heap, less twice the file limit for each render that
     * may run at once (each holds its file, and a copy of it while it is being read), and never less than
     * an eighth of the heap. The other half is the service's own (Quarkus, Camel and the AWS clients keep
     * about 60 MB) and the collector's room to work: large pixel arrays need contiguous free regions. With
     * the Kubernetes deployment's 512 MB heap, 2 consumers and 10 MiB files: 216 MB.
     *
     * @param maxMemory {@link Runtime#maxMemory()}
     * @param consumers renders that may run at once ({@code app.pipeline.consumers})
     */
    public static long decodeBytesFor(long maxMemory, int consumers, long maxBytes) {
        long heap = maxMemory == Long.MAX_VALUE ? Runtime.getRuntime().totalMemory() : maxMemory;
        return Math.max(heap / 8, heap / 2 - 2L * consumers * maxBytes);
    }
}
