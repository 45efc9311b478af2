package imaging;

import java.util.List;

/** The presets tests render with: the same lines as application.properties' {@code default}. */
final class TestPresets {

    static final Preset DEFAULT = new Preset("default", List.of(
            VariantSpec.parse("thumbnail   150x150 cover  jpeg q80"),
            VariantSpec.parse("small       400     inside jpeg q85 progressive"),
            VariantSpec.parse("medium      800     inside jpeg q85 progressive"),
            VariantSpec.parse("large       1200    inside jpeg q90 progressive"),
            VariantSpec.parse("webp-medium 800     inside webp q85"),
            VariantSpec.parse("webp-large  1200    inside webp q90")), 20);

    private TestPresets() {
    }
}
