package imaging;

import java.awt.image.BufferedImage;
import java.time.Duration;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.event.IIOReadUpdateListener;

/**
 * The time one render may take ({@link Limits#renderTimeLimit()}), counted from its start. It is checked
 * between steps and in the scalers' row loops, and a decoder is watched from its own progress callbacks
 * (per row or tile for most readers, per scan for a progressive JPEG), which end the read once the time
 * is up by throwing. {@code ImageReader.abort()} would not do: the JDK's JPEG reader refuses it from any
 * thread but the one reading, and once aborted it still reads every remaining scan, only without
 * output (6000 empty scans of a 4096x4096 picture: half a minute more); an exception from a callback
 * ends the native read at once, as it checks for one after each. Past it the render ends
 * {@code too-complex}.
 */
final class Deadline {

    /** No limit: for scaling small pictures outside a render (logos). */
    static final Deadline NONE = new Deadline(null, 0);

    private final Duration limit;
    private final long end;

    private Deadline(Duration limit, long end) {
        this.limit = limit;
        this.end = end;
    }

    static Deadline after(Duration limit) {
        return new Deadline(limit, System.nanoTime() + limit.toNanos());
    }

    boolean passed() {
        return limit != null && System.nanoTime() - end >= 0;
    }

    /** Ends the render (unchecked, to cross row loops and decoder callbacks) once the time is up. */
    void check() {
        if (passed()) {
            throw new Rejected(exceeded());
        }
    }

    ImageRejectedException exceeded() {
        return new ImageRejectedException(RejectReason.TOO_COMPLEX,
                "Rendering took longer than %s, the limit for one image".formatted(describe(limit)));
    }

    /** Ends the reader's read from its own progress callbacks once the time is up. */
    void watch(ImageReader reader) {
        if (limit == null) {
            return;
        }
        Watch watch = new Watch();
        reader.addIIOReadUpdateListener(watch);
        reader.addIIOReadProgressListener(watch);
    }

    private static String describe(Duration limit) {
        return limit.toMillis() < 1000 ? limit.toMillis() + " ms"
                : limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() / 1000.0 + " s";
    }

    /** Checks the time at every callback a reader makes. */
    private final class Watch implements IIOReadUpdateListener, IIOReadProgressListener {

        @Override
        public void imageUpdate(ImageReader source, BufferedImage image, int minX, int minY, int width, int height,
                int periodX, int periodY, int[] bands) {
            check();
        }

        @Override
        public void passStarted(ImageReader source, BufferedImage image, int pass, int minPass, int maxPass, int minX,
                int minY, int periodX, int periodY, int[] bands) {
            check();
        }

        @Override
        public void passComplete(ImageReader source, BufferedImage image) {
            check();
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            check();
        }

        @Override
        public void thumbnailPassStarted(ImageReader source, BufferedImage theThumbnail, int pass, int minPass,
                int maxPass, int minX, int minY, int periodX, int periodY, int[] bands) {
            check();
        }

        @Override
        public void thumbnailUpdate(ImageReader source, BufferedImage theThumbnail, int minX, int minY, int width,
                int height, int periodX, int periodY, int[] bands) {
            check();
        }

        @Override
        public void thumbnailPassComplete(ImageReader source, BufferedImage theThumbnail) {
            check();
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
            check();
        }

        @Override
        public void sequenceComplete(ImageReader source) {
            check();
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
            check();
        }

        @Override
        public void imageComplete(ImageReader source) {
            check();
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
            check();
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
            check();
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
            check();
        }

        @Override
        public void readAborted(ImageReader source) {
            check();
        }
    }
}
