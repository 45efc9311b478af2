package imaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one render may spend: heap for its pixels, reserved from the shared {@link HeapBudget} once the
 * decoder knows what it needs, and time, counted from then (a render waiting for the heap is not
 * running). Closing it gives the heap back.
 */
final class RenderBudget implements AutoCloseable {

    private final HeapBudget heap;
    private final Duration timeLimit;
    private final List<HeapBudget.Hold> holds = new ArrayList<>();
    private long reserved;
    private Deadline deadline;

    RenderBudget(HeapBudget heap, Duration timeLimit) {
        this.heap = heap;
        this.timeLimit = timeLimit;
        this.deadline = Deadline.after(timeLimit);
    }

    /**
     * Reserves the heap a decode needs, waiting while other renders hold too much of it, and starts the
     * clock on the first reservation.
     *
     * @param what the picture, for the message when it is refused (e.g. "This 20000x14000 PNG")
     * @throws ImageRejectedException {@code too-many-pixels} when the render would need more than the whole budget
     */
    void reserve(long bytes, String what) throws ImageRejectedException, InterruptedException {
        if (reserved + bytes > heap.bytes()) {
            throw new ImageRejectedException(RejectReason.TOO_MANY_PIXELS,
                    "%s needs %s of memory to decode; the limit is %s".formatted(what,
                            PixelMemory.megabytes(reserved + bytes), PixelMemory.megabytes(heap.bytes())));
        }
        holds.add(heap.reserve(bytes));
        if (holds.size() == 1) {
            deadline = Deadline.after(timeLimit);
        }
        reserved += bytes;
    }

    Deadline deadline() {
        return deadline;
    }

    @Override
    public void close() {
        holds.forEach(HeapBudget.Hold::close);
        holds.clear();
    }
}
