package deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Kubernetes manifests of {@code k8s/} and {@code k8s/camel-k/}, one {@link Document} per YAML
 * document, in file order. {@code kubectl apply -f k8s/} reads the first folder only, so the Camel K
 * Integration never lands beside the Deployment.
 */
final class Manifests {

    static final Path ROOT = Path.of("k8s");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    /** One YAML document: where it came from and its tree. */
    record Document(Path file, JsonNode tree) {

        String apiVersion() {
            return tree.path("apiVersion").asText();
        }

        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return file + ": " + apiVersion() + " " + kind() + " " + name();
        }
    }

    private Manifests() {
    }

    static List<Document> all() {
        List<Document> documents = new ArrayList<>();
        for (Path dir : List.of(ROOT, ROOT.resolve("camel-k"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    try (var parser = new YAMLFactory().createParser(file.toFile())) {
                        YAML.readValues(parser, JsonNode.class).readAll().stream()
                                .filter(tree -> tree != null && !tree.isEmpty())
                                .forEach(tree -> documents.add(new Document(file, tree)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }

    static ObjectNode readJson(Path file) {
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
