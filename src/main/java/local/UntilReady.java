package local;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Calls to a local server that has just opened its port, which may still refuse the first ones for a
 * moment: each is repeated every 250 ms while it fails with an SDK error, for up to 30 s.
 */
final class UntilReady {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private UntilReady() {
    }

    /** The step's result, once it stops failing; its last SDK error after 30 s. */
    static <T> T call(Supplier<T> step) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                return step.get();
            } catch (SdkException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Runs the step once it stops failing; its last SDK error after 30 s. */
    static void run(Runnable step) {
        call(() -> {
            step.run();
            return null;
        });
    }
}
