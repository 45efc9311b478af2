package api;

import imaging.Fit;
import imaging.VariantSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import jobs.Srcset;
import jobs.VariantRecord;

/**
 * {@code images[].srcset}: an image's variants as the {@code srcset} and {@code sizes} attributes of HTML's
 * responsive images (HTML Living Standard, "srcset" with width descriptors).
 *
 * <p>A variant belongs to its format's width series when its preset entry fits {@code inside} a width
 * alone (no height bound): such variants share the source's aspect, so only their widths differ.
 * {@code cover} thumbnails and box-bound entries are left out. Each descriptor is the variant's actual
 * width, so a source smaller than the preset's widths gives fewer, smaller candidates (equal widths are
 * listed once, the first in preset order).
 */
public final class Srcsets {

    private static final Set<String> SERIES_FORMATS = Set.of("jpeg", "webp");

    private Srcsets() {
    }

    /**
     * @param specs    the image's preset entries, matched to the variants by name
     * @param variants the image's variants as served (with their {@code url})
     * @return the JPEG and WebP series (each null when that format has none) and {@code sizes} from the
     *         largest width in them; null when neither format has a series
     */
    public static Srcset of(List<VariantSpec> specs, List<VariantRecord> variants) {
        if (variants == null) {
            return null;
        }
        Map<String, VariantRecord> variantByName = variants.stream()
                .collect(Collectors.toMap(VariantRecord::name, Function.identity(), (a, b) -> a));
        // format -> width -> URL; preset order decides which of two equal widths is kept
        Map<String, TreeMap<Integer, String>> series = new HashMap<>();
        for (VariantSpec spec : specs) {
            VariantRecord variant = variantByName.get(spec.name());
            if (variant != null && inSeries(spec, variant)) {
                series.computeIfAbsent(variant.format(), f -> new TreeMap<>()).putIfAbsent(variant.width(), variant.url());
            }
        }
        if (series.isEmpty()) {
            return null;
        }
        int largest = series.values().stream().map(TreeMap::lastKey).max(Comparator.naturalOrder()).orElseThrow();
        return new Srcset(candidates(series.get("jpeg")), candidates(series.get("webp")),
                "(max-width: " + largest + "px) 100vw, " + largest + "px");
    }

    private static boolean inSeries(VariantSpec spec, VariantRecord variant) {
        return spec.fit() == Fit.INSIDE && spec.height() == 0 && variant.url() != null
                && SERIES_FORMATS.contains(variant.format());
    }

    private static String candidates(TreeMap<Integer, String> urlByWidth) {
        if (urlByWidth == null) {
            return null;
        }
        List<String> candidates = new ArrayList<>();
        urlByWidth.forEach((width, url) -> candidates.add(url + " " + width + "w"));
        return String.join(", ", candidates);
    }
}
