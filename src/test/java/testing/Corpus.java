package testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared acceptance corpus ({@code ../shared/corpus}) and its manifest. */
public final class Corpus {

    public static final Path ROOT = Path.of(System.getProperty("corpus.dir", "../shared/corpus"));

    /** One manifest entry. */
    public record Entry(String file, String format, int width, int height, int displayWidth, int displayHeight,
            Integer orientation, boolean hasGps, boolean animated, String expected, String rejectReason) {

        public Path path() {
            return ROOT.resolve(file);
        }

        public byte[] bytes() {
            return read(file);
        }
    }

    private Corpus() {
    }

    public static Path path(String file) {
        return ROOT.resolve(file);
    }

    public static byte[] read(String file) {
        try {
            return Files.readAllBytes(ROOT.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Entry> manifest() {
        try {
            JsonNode root = new ObjectMapper().readTree(ROOT.resolve("manifest.json").toFile());
            List<Entry> entries = new ArrayList<>();
            for (JsonNode e : root) {
                entries.add(new Entry(e.path("file").asText(), e.path("format").asText(), e.path("width").asInt(),
                        e.path("height").asInt(), e.path("displayWidth").asInt(), e.path("displayHeight").asInt(),
                        e.path("orientation").isInt() ? e.path("orientation").asInt() : null,
                        e.path("hasGps").asBoolean(false), e.path("animated").asBoolean(false), e.path("expected").asText(), e.path("rejectReason").asText(null)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
