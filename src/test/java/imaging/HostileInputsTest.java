package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import testing.HostileImages;

/**
 * Every generated hostile or broken input through the engine: refused with its exact code and a message
 * naming what was wrong, or rendered at its display size.
 */
class HostileInputsTest {

    private final Renderer renderer = new Renderer(Limits.defaults());

    static Stream<HostileImages.Input> refused() {
        return HostileImages.all().stream().filter(i -> i.rejectReason() != null);
    }

    static Stream<HostileImages.Input> rendered() {
        return HostileImages.all().stream().filter(i -> i.rejectReason() == null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedWithItsCodeAndAMessageNamingWhatWasWrong(HostileImages.Input input) {
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> renderer.render(input.bytes(), TestPresets.DEFAULT));
        assertEquals(input.rejectReason(), e.code(), e.getMessage());
        if (input.mentions() != null) {
            assertTrue(e.getMessage().contains(input.mentions()), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendered")
    void rendersAtItsDisplaySize(HostileImages.Input input) throws Exception {
        Rendition rendition = renderer.render(input.bytes(), TestPresets.DEFAULT);
        assertEquals(input.width(), rendition.width());
        assertEquals(input.height(), rendition.height());
        for (RenderedVariant variant : rendition.variants()) {
            assertEquals(variant.width(), RendererCorpusTest.decode(variant).getWidth(), variant.name());
        }
    }
}
