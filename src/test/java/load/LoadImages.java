package load;

import java.util.List;
import testing.Corpus;

/** The images of a load run: the corpus' processable JPEG photos (1.2 to 12 MP), taken in turn. */
final class LoadImages {

    static final List<String> FILES = Corpus.manifest().stream()
            .filter(e -> e.format().equals("jpeg") && e.expected().equals("process")
                    && (e.file().startsWith("photos/") || e.file().startsWith("orientation/")))
            .map(Corpus.Entry::file).toList();

    private LoadImages() {
    }

    /** The file of upload number {@code n} of the run (warm-up and measured uploads numbered on). */
    static String file(int n) {
        return FILES.get(n % FILES.size());
    }
}
