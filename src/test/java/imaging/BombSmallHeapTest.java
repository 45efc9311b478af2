package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import testing.Corpus;

/**
 * Decompression bombs are refused from their header alone. Surefire runs this class in a JVM of its own
 * with a 64 MB heap (see the pom): one decoded bomb would need gigabytes, so passing here shows that no
 * pixel buffer was ever allocated.
 */
class BombSmallHeapTest {

    static Stream<Corpus.Entry> bombs() {
        return Corpus.manifest().stream().filter(e -> "too-many-pixels".equals(e.rejectReason()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void isRefusedBeforeDecodingInASmallHeap(Corpus.Entry bomb) {
        assertTrue(Runtime.getRuntime().maxMemory() < 100L * 1024 * 1024, "this test must run with a small heap");
        byte[] data = bomb.bytes();
        long start = System.nanoTime();
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> new Renderer(Limits.defaults()).render(data, TestPresets.DEFAULT));
        long micros = (System.nanoTime() - start) / 1000;
        assertEquals("too-many-pixels", e.code());
        assertTrue(e.getMessage().contains(bomb.width() + "x" + bomb.height()), e.getMessage());
        System.out.printf("bomb=%s refused_in_us=%d heap_max_mb=%d%n", bomb.file(), micros,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}
