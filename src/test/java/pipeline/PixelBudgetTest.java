package pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PixelBudgetTest {

    @Test
    void anImageThatDoesNotFitWaitsUntilPixelsAreGivenBack() throws Exception {
        PixelBudget budget = new PixelBudget(50_000_000);
        PixelBudget.Hold first = budget.acquire(24_000_000);
        PixelBudget.Hold second = budget.acquire(24_000_000);
        CompletableFuture<PixelBudget.Hold> third = acquireAsync(budget, 24_000_000);
        Thread.sleep(300);
        assertFalse(third.isDone(), "a third 24 MP image must wait while two are in flight");
        first.close();
        third.get(10, TimeUnit.SECONDS).close();
        second.close();
    }

    @Test
    void anImageLargerThanTheWholeBudgetRunsAloneInsteadOfForever() throws Exception {
        PixelBudget budget = new PixelBudget(50_000_000);
        PixelBudget.Hold huge = budget.acquire(200_000_000);
        CompletableFuture<PixelBudget.Hold> small = acquireAsync(budget, 1);
        Thread.sleep(200);
        assertFalse(small.isDone(), "nothing runs beside an image that took the whole budget");
        huge.close();
        huge.close();
        small.get(10, TimeUnit.SECONDS).close();
        PixelBudget.Hold all = acquireAsync(budget, 50_000_000).get(10, TimeUnit.SECONDS);
        CompletableFuture<PixelBudget.Hold> more = acquireAsync(budget, 1);
        Thread.sleep(200);
        assertFalse(more.isDone(), "closing a hold twice gives its pixels back once");
        all.close();
        assertTrue(more.get(10, TimeUnit.SECONDS) != null);
    }

    private static CompletableFuture<PixelBudget.Hold> acquireAsync(PixelBudget budget, long pixels) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return budget.acquire(pixels);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
