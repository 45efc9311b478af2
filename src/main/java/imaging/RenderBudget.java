package imaging;

import java.time.Duration;

/**
 * What one render may spend: heap for its pixels, reserved once from the shared {@link HeapBudget} when
 * the decoder knows what it needs, and time, counted from then (a render waiting for the heap is not
 * running). Closing it gives the heap back.
 */
final class RenderBudget implements AutoCloseable {

    private final HeapBudget heap;
    private final Duration timeLimit;
    private HeapBudget.Hold hold;
    private Deadline deadline;

    RenderBudget(HeapBudget heap, Duration timeLimit) {
        this.heap = heap;
        this.timeLimit = timeLimit;
        this.deadline = Deadline.after(timeLimit);
    }

    /**
     * Reserves the heap the render needs, waiting while other renders hold too much of it, and starts
     * the clock. Once per render: a second reservation, waiting while holding the first, could wait for
     * ever on renders doing the same.
     *
     * @param what the picture, for the message when it is refused (e.g. "This 20000x14000 PNG")
     * @throws ImageRejectedException {@code too-many-pixels} when the render would need more than the whole budget
     */
    void reserve(long bytes, String what) throws ImageRejectedException, InterruptedException {
        if (hold != null) {
            throw new IllegalStateException("A render reserves its heap once");
        }
        if (bytes > heap.bytes()) {
            throw new ImageRejectedException(RejectReason.TOO_MANY_PIXELS,
                    "%s needs %s of memory to decode; the limit is %s".formatted(what, PixelMemory.megabytes(bytes),
                            PixelMemory.megabytes(heap.bytes())));
        }
        hold = heap.reserve(bytes);
        deadline = Deadline.after(timeLimit);
    }

    Deadline deadline() {
        return deadline;
    }

    @Override
    public void close() {
        if (hold != null) {
            hold.close();
        }
    }
}
