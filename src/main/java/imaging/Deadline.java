package imaging;

import java.awt.image.BufferedImage;
import java.time.Duration;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.event.IIOReadUpdateListener;

/**
 * The time one render may take ({@link Limits#renderTimeLimit()}), counted from its start. It is checked
 * between steps and in the scalers' row loops, and a decoder is watched from its own progress callbacks,
 * which abort the read once the time is up: the JDK's JPEG reader refuses {@code abort()} from any
 * thread but the one reading. Past it the render ends {@code too-complex}.
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

    /** Aborts the reader from its own progress callbacks (per row or tile for most readers) once the time is up. */
    void watch(ImageReader reader) {
        if (limit == null) {
            return;
        }
        Watch watch = new Watch(reader);
        reader.addIIOReadUpdateListener(watch);
        reader.addIIOReadProgressListener(watch);
    }

    private static String describe(Duration limit) {
        return limit.toMillis() < 1000 ? limit.toMillis() + " ms"
                : limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() / 1000.0 + " s";
    }

    /** Checks the time at every callback a reader makes, and aborts it once. */
    private final class Watch implements IIOReadUpdateListener, IIOReadProgressListener {
        private final ImageReader reader;
        private boolean aborted;

        Watch(ImageReader reader) {
            this.reader = reader;
        }

        private void tick() {
            if (!aborted && passed()) {
                aborted = true;
                reader.abort();
            }
        }

        @Override
        public void imageUpdate(ImageReader source, BufferedImage image, int minX, int minY, int width, int height,
                int periodX, int periodY, int[] bands) {
            tick();
        }

        @Override
        public void passStarted(ImageReader source, BufferedImage image, int pass, int minPass, int maxPass, int minX,
                int minY, int periodX, int periodY, int[] bands) {
            tick();
        }

        @Override
        public void passComplete(ImageReader source, BufferedImage image) {
            tick();
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            tick();
        }

        @Override
        public void thumbnailPassStarted(ImageReader source, BufferedImage theThumbnail, int pass, int minPass,
                int maxPass, int minX, int minY, int periodX, int periodY, int[] bands) {
            tick();
        }

        @Override
        public void thumbnailUpdate(ImageReader source, BufferedImage theThumbnail, int minX, int minY, int width,
                int height, int periodX, int periodY, int[] bands) {
            tick();
        }

        @Override
        public void thumbnailPassComplete(ImageReader source, BufferedImage theThumbnail) {
            tick();
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
            tick();
        }

        @Override
        public void sequenceComplete(ImageReader source) {
            tick();
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
            tick();
        }

        @Override
        public void imageComplete(ImageReader source) {
            tick();
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
            tick();
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
            tick();
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
            tick();
        }

        @Override
        public void readAborted(ImageReader source) {
            aborted = true;
        }
    }
}
