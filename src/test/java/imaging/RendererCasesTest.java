package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import testing.Corpus;

/** The hostile and reported cases (src/test/resources/cases) through the engine, judged by their manifest. */
class RendererCasesTest {

    private final Renderer renderer = new Renderer(Limits.defaults());

    static Stream<Corpus.Entry> toProcess() {
        return Corpus.cases().stream().filter(e -> e.expected().equals("process"));
    }

    static Stream<Corpus.Entry> toReject() {
        return Corpus.cases().stream().filter(e -> e.expected().equals("reject"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toProcess")
    void rendersAtTheManifestsDisplaySize(Corpus.Entry entry) throws Exception {
        Rendition rendition = renderer.render(entry.bytes(), TestPresets.DEFAULT);
        assertEquals(entry.displayWidth(), rendition.width());
        assertEquals(entry.displayHeight(), rendition.height());
        assertEquals(entry.format(), rendition.format().id());
        assertEquals(entry.animated(), rendition.animated());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toReject")
    void refusesWithTheManifestsReason(Corpus.Entry entry) {
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> renderer.render(entry.bytes(), TestPresets.DEFAULT));
        assertEquals(entry.rejectReason(), e.code(), e.getMessage());
        assertTrue(e.getMessage().length() > 20, e.getMessage());
    }
}
