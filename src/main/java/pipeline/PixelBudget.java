package pipeline;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cap on decoded pixels in flight across all workers, so several large images at once wait for each
 * other instead of exhausting the heap. One image larger than the whole budget takes all of it and
 * runs alone.
 */
public final class PixelBudget {

    /** Permits count whole megapixels. */
    private static final long UNIT = 1_000_000;

    private final int permits;
    private final Semaphore semaphore;

    public PixelBudget(long maxPixels) {
        this.permits = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxPixels / UNIT));
        this.semaphore = new Semaphore(permits, true);
    }

    /** Pixels held now, in the budget's unit: whole megapixels per image, rounded up. */
    public long pixelsHeld() {
        return (long) (permits - semaphore.availablePermits()) * UNIT;
    }

    /** Waits until the pixels fit; returns the hold to release. */
    public Hold acquire(long pixels) throws InterruptedException {
        int wanted = (int) Math.min(permits, Math.max(1, (pixels + UNIT - 1) / UNIT));
        semaphore.acquire(wanted);
        AtomicBoolean held = new AtomicBoolean(true);
        return () -> {
            if (held.getAndSet(false)) {
                semaphore.release(wanted);
            }
        };
    }

    /** Pixels held by one image; closing it (once or more) gives them back. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }
}
