package imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import testing.Corpus;

/** Every corpus file through the engine, judged by the manifest. */
class RendererCorpusTest {

    /** Formats this engine refuses for now, with a message naming them. */
    private static final Set<String> NOT_RENDERED = Set.of("heic", "avif");

    private final Renderer renderer = new Renderer(Limits.defaults());

    static Stream<Corpus.Entry> toProcess() {
        return Corpus.manifest().stream().filter(e -> e.expected().equals("process"));
    }

    static Stream<Corpus.Entry> toReject() {
        return Corpus.manifest().stream().filter(e -> e.expected().equals("reject"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toProcess")
    void rendersEveryVariantAtTheDisplayedAspectNeverLarger(Corpus.Entry entry) throws Exception {
        if (NOT_RENDERED.contains(entry.format())) {
            ImageRejectedException e = assertThrows(ImageRejectedException.class,
                    () -> renderer.render(entry.bytes(), TestPresets.DEFAULT));
            assertEquals("unsupported-format", e.code());
            assertTrue(e.getMessage().contains(entry.format().toUpperCase()), e.getMessage());
            return;
        }
        Rendition rendition = renderer.render(entry.bytes(), TestPresets.DEFAULT);
        assertEquals(entry.displayWidth(), rendition.width());
        assertEquals(entry.displayHeight(), rendition.height());
        assertEquals(entry.format(), rendition.format().id());
        assertEquals(entry.orientation() == null ? 1 : entry.orientation(), rendition.exif().orientation(),
                "the record keeps the original orientation");
        assertEquals(entry.hasGps(), rendition.exif().gps(), "the record says whether a GPS position was there");
        assertEquals(entry.animated(), rendition.animated(), "the record says whether only the first frame was used");
        for (RenderedVariant variant : rendition.variants()) {
            BufferedImage decoded = decode(variant);
            assertEquals(variant.width(), decoded.getWidth(), variant.name());
            assertEquals(variant.height(), decoded.getHeight(), variant.name());
            assertTrue(variant.width() <= entry.displayWidth() && variant.height() <= entry.displayHeight(),
                    variant.name() + " must never be enlarged");
            if (variant.spec().fit() == Fit.INSIDE) {
                double expectedHeight = (double) variant.width() * entry.displayHeight() / entry.displayWidth();
                assertTrue(Math.abs(variant.height() - expectedHeight) <= 1.0,
                        variant.name() + " keeps the aspect: " + variant.width() + "x" + variant.height());
            } else {
                assertEquals(Math.min(150, entry.displayWidth()), variant.width(), variant.name());
                assertEquals(Math.min(150, entry.displayHeight()), variant.height(), variant.name());
            }
        }
        assertTrue(rendition.placeholder().startsWith("data:image/jpeg;base64,"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toReject")
    void refusesEveryHostileOrBrokenFileWithTheManifestsReason(Corpus.Entry entry) {
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> renderer.render(entry.bytes(), TestPresets.DEFAULT));
        assertEquals(entry.rejectReason(), e.code(), e.getMessage());
        assertTrue(e.getMessage().length() > 10, "a reason a person can read: " + e.getMessage());
    }

    static BufferedImage decode(RenderedVariant variant) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(variant.bytes()));
        if (image == null) {
            throw new AssertionError(variant.name() + " does not decode as " + variant.format());
        }
        return image;
    }
}
