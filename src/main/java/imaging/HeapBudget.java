package imaging;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The heap for pixels ({@link Limits#maxDecodeBytes()}) shared by the renders under way: each reserves
 * its estimate before it decodes and gives it back when it is done, so several large images at once
 * wait for each other instead of exhausting the heap. One image needing the whole budget runs alone.
 */
final class HeapBudget {

    /** Permits count whole mebibytes. */
    private static final long UNIT = 1 << 20;

    private final long bytes;
    private final int permits;
    private final Semaphore semaphore;

    HeapBudget(long bytes) {
        this.bytes = bytes;
        this.permits = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / UNIT));
        this.semaphore = new Semaphore(permits, true);
    }

    /** The whole budget: no render may reserve more. */
    long bytes() {
        return bytes;
    }

    /** Waits until the bytes fit beside the other renders' (first come, first served); returns the hold to release. */
    Hold reserve(long wanted) throws InterruptedException {
        int units = (int) Math.min(permits, Math.max(1, (wanted + UNIT - 1) / UNIT));
        semaphore.acquire(units);
        AtomicBoolean held = new AtomicBoolean(true);
        return () -> {
            if (held.getAndSet(false)) {
                semaphore.release(units);
            }
        };
    }

    /** Bytes held by one render; closing it (once or more) gives them back. */
    interface Hold extends AutoCloseable {
        @Override
        void close();
    }
}
