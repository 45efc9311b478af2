package api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import imaging.VariantSpec;
import java.util.List;
import jobs.Srcset;
import jobs.VariantRecord;
import org.junit.jupiter.api.Test;

class SrcsetsTest {

    private static final List<VariantSpec> DEFAULT = specs(
            "thumbnail   150x150 cover  jpeg q80",
            "small       400     inside jpeg q85 progressive",
            "medium      800     inside jpeg q85 progressive",
            "large       1200    inside jpeg q90 progressive",
            "webp-medium 800     inside webp q85",
            "webp-large  1200    inside webp q90");

    @Test
    void theDefaultPresetGivesAJpegAndAWebpSeriesByWidthWithoutTheThumbnail() {
        List<VariantRecord> variants = List.of(variant("thumbnail", 150, 150, "jpeg"), variant("small", 400, 300, "jpeg"),
                variant("medium", 800, 600, "jpeg"), variant("large", 1200, 900, "jpeg"),
                variant("webp-medium", 800, 600, "webp"), variant("webp-large", 1200, 900, "webp"));

        Srcset srcset = Srcsets.of(DEFAULT, variants);

        assertEquals("https://s3/small.jpeg 400w, https://s3/medium.jpeg 800w, https://s3/large.jpeg 1200w", srcset.jpeg());
        assertEquals("https://s3/webp-medium.webp 800w, https://s3/webp-large.webp 1200w", srcset.webp());
        assertEquals("(max-width: 1200px) 100vw, 1200px", srcset.sizes());
    }

    @Test
    void aSmallSourceGivesItsActualWidthsOnceEachAndSizesFromTheLargest() {
        // a 640x480 source: small is 400 wide, medium and large are never enlarged past 640
        List<VariantRecord> variants = List.of(variant("thumbnail", 150, 150, "jpeg"), variant("small", 400, 300, "jpeg"),
                variant("medium", 640, 480, "jpeg"), variant("large", 640, 480, "jpeg"),
                variant("webp-medium", 640, 480, "webp"), variant("webp-large", 640, 480, "webp"));

        Srcset srcset = Srcsets.of(DEFAULT, variants);

        assertEquals("https://s3/small.jpeg 400w, https://s3/medium.jpeg 640w", srcset.jpeg());
        assertEquals("https://s3/webp-medium.webp 640w", srcset.webp());
        assertEquals("(max-width: 640px) 100vw, 640px", srcset.sizes());
    }

    @Test
    void theOrderOfTheVariantsDoesNotMatterTheDescriptorsAscend() {
        List<VariantRecord> variants = List.of(variant("large", 1200, 900, "jpeg"), variant("small", 400, 300, "jpeg"),
                variant("medium", 800, 600, "jpeg"));

        assertEquals("https://s3/small.jpeg 400w, https://s3/medium.jpeg 800w, https://s3/large.jpeg 1200w",
                Srcsets.of(DEFAULT, variants).jpeg());
    }

    @Test
    void aPresetWithOnlyOneFormatLeavesTheOtherOut() {
        List<VariantSpec> jpegOnly = specs("s 480 inside jpeg q80", "l 960 inside jpeg q80");

        Srcset srcset = Srcsets.of(jpegOnly, List.of(variant("s", 480, 320, "jpeg"), variant("l", 960, 640, "jpeg")));

        assertEquals("https://s3/s.jpeg 480w, https://s3/l.jpeg 960w", srcset.jpeg());
        assertNull(srcset.webp());
        assertEquals("(max-width: 960px) 100vw, 960px", srcset.sizes());
    }

    @Test
    void boxBoundCoverAndPngVariantsFormNoSeries() {
        // the classic preset: every entry is bound by a box, so a portrait source would be bound by height
        List<VariantSpec> classic = specs("800x600 800x600 inside jpeg q85", "1200x900 1200x900 inside jpeg q85");
        assertNull(Srcsets.of(classic, List.of(variant("800x600", 800, 600, "jpeg"), variant("1200x900", 1200, 900, "jpeg"))));

        List<VariantSpec> coverAndPng = specs("card 1200x630 cover webp q80", "lossless 800 inside png q100");
        assertNull(Srcsets.of(coverAndPng, List.of(variant("card", 1200, 630, "webp"), variant("lossless", 800, 600, "png"))));
    }

    @Test
    void variantsWithoutUrlsOrAnUnknownPresetGiveNothing() {
        assertNull(Srcsets.of(DEFAULT, null));
        assertNull(Srcsets.of(DEFAULT, List.of(new VariantRecord("small", 400, 300, "jpeg", 1000, "k/small.jpg", null))));
        assertNull(Srcsets.of(List.of(), List.of(variant("small", 400, 300, "jpeg"))));
    }

    private static List<VariantSpec> specs(String... lines) {
        return List.of(lines).stream().map(VariantSpec::parse).toList();
    }

    private static VariantRecord variant(String name, int width, int height, String format) {
        return new VariantRecord(name, width, height, format, 1000, "processed/o/j/i/" + name + "." + format,
                "https://s3/" + name + "." + format);
    }
}
