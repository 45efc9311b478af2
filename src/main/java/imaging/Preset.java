package imaging;

import java.util.List;
import java.util.Optional;

/**
 * A named set of variants, the width of the blur placeholder (0 for none) and the watermark, if any.
 */
public record Preset(String name, List<VariantSpec> variants, int placeholderWidth, Optional<Watermark> watermark) {

    public Preset(String name, List<VariantSpec> variants, int placeholderWidth) {
        this(name, variants, placeholderWidth, Optional.empty());
    }

    public Preset {
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("Preset " + name + " has no variants");
        }
    }
}
