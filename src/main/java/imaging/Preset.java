package imaging;

import java.util.List;

/**
 * A named set of variants, plus the width of the blur placeholder (0 for none).
 */
public record Preset(String name, List<VariantSpec> variants, int placeholderWidth) {

    public Preset {
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("Preset " + name + " has no variants");
        }
    }
}
