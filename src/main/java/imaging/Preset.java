package imaging;

import java.util.List;
import java.util.Optional;

/**
 * A named set of variants, the width of the blur placeholder (0 for none) and the watermark, if any.
 *
 * @param analysisSide the longer side, in pixels, of the picture kept for image analysis
 *                     ({@link Rendition#analysisCopy()}); 0 when the set's images are not analysed
 */
public record Preset(String name, List<VariantSpec> variants, int placeholderWidth, Optional<Watermark> watermark,
        int analysisSide) {

    public Preset(String name, List<VariantSpec> variants, int placeholderWidth) {
        this(name, variants, placeholderWidth, Optional.empty());
    }

    public Preset(String name, List<VariantSpec> variants, int placeholderWidth, Optional<Watermark> watermark) {
        this(name, variants, placeholderWidth, watermark, 0);
    }

    public Preset {
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("Preset " + name + " has no variants");
        }
        if (analysisSide < 0) {
            throw new IllegalArgumentException("Preset " + name + " needs an analysis side of 0 (none) or more");
        }
    }

    /** The same set, its images analysed on a copy of this longer side (0: not analysed). */
    public Preset withAnalysisSide(int side) {
        return new Preset(name, variants, placeholderWidth, watermark, side);
    }

    /** Whether any variant keeps transparency (WebP, PNG), so a page's background shows through it. */
    public boolean showsTransparency() {
        return variants.stream().anyMatch(v -> v.format().keepsTransparency());
    }

    /** Whether any variant is cropped with {@link Gravity#SMART}. */
    public boolean hasSmartCrops() {
        return variants.stream().anyMatch(v -> v.fit() == Fit.COVER && v.gravity() == Gravity.SMART);
    }
}
