package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import testing.Corpus;

class FormatSnifferTest {

    static Stream<Corpus.Entry> corpus() {
        return Corpus.manifest().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void tellsEveryCorpusFileByItsBytesNotItsName(Corpus.Entry entry) {
        Optional<String> sniffed = FormatSniffer.sniff(entry.bytes()).map(ImageFormat::id);
        Optional<String> expected = entry.format().equals("text") || entry.format().equals("empty")
                ? Optional.empty() : Optional.of(entry.format());
        assertEquals(expected, sniffed);
    }
}
