package testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The test images kept in the repository, each folder with a {@code manifest.json} saying what every file
 * is and whether it is processed or rejected (and with which code): the acceptance corpus
 * ({@code src/test/resources/corpus}: real photos, edge-case encodings, bombs) and the hostile cases
 * ({@code src/test/resources/cases}: inputs from public bug reports and attacks, with a time bound).
 */
public final class Corpus {

    public static final Path ROOT = Path.of(System.getProperty("corpus.dir", "src/test/resources/corpus"));
    public static final Path CASES = Path.of(System.getProperty("cases.dir", "src/test/resources/cases"));

    /**
     * One manifest entry.
     *
     * @param maxSeconds upload to final status, where time matters (cases only), else null
     */
    public record Entry(Path root, String file, String format, int width, int height, int displayWidth,
            int displayHeight, Integer orientation, boolean hasGps, boolean animated, String expected,
            String rejectReason, Integer maxSeconds, String notes) {

        public Path path() {
            return root.resolve(file);
        }

        public byte[] bytes() {
            try {
                return Files.readAllBytes(path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return file;
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

    /** The acceptance corpus. */
    public static List<Entry> manifest() {
        return manifest(ROOT);
    }

    /** The hostile and reported cases. */
    public static List<Entry> cases() {
        return manifest(CASES);
    }

    private static List<Entry> manifest(Path root) {
        try {
            JsonNode manifest = new ObjectMapper().readTree(root.resolve("manifest.json").toFile());
            List<Entry> entries = new ArrayList<>();
            for (JsonNode e : manifest) {
                entries.add(new Entry(root, e.path("file").asText(), e.path("format").asText(), e.path("width").asInt(),
                        e.path("height").asInt(), e.path("displayWidth").asInt(), e.path("displayHeight").asInt(),
                        e.path("orientation").isInt() ? e.path("orientation").asInt() : null,
                        e.path("hasGps").asBoolean(false), e.path("animated").asBoolean(false),
                        e.path("expected").asText(), e.path("rejectReason").asText(null),
                        e.path("maxSeconds").isInt() ? e.path("maxSeconds").asInt() : null, e.path("notes").asText("")));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
