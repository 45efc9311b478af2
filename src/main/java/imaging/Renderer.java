package imaging;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The image engine's front door: inspect (type, bytes, pixels: before decoding), decode once, turn
 * upright, then render a preset's variants as a cascade, each from the smallest picture already made
 * that is large enough, and finally a blur placeholder.
 */
public final class Renderer {

    private final ImageInspector inspector;
    private final ImageDecoder decoder = new ImageDecoder();

    public Renderer(Limits limits) {
        this.inspector = new ImageInspector(limits);
    }

    public ImageInspector inspector() {
        return inspector;
    }

    public Rendition render(byte[] data, Preset preset) throws ImageRejectedException {
        return render(inspector.inspect(data), data, preset);
    }

    /** Renders data that {@link #inspector()} has already passed. */
    public Rendition render(Inspection inspection, byte[] data, Preset preset) throws ImageRejectedException {
        DecodedImage decoded = decoder.decode(data, inspection);
        BufferedImage upright = decoded.orientation().apply(decoded.pixels());

        List<BufferedImage> sources = new ArrayList<>(List.of(upright));
        Map<VariantSpec, RenderedVariant> rendered = new LinkedHashMap<>();
        for (VariantSpec spec : largestFirst(preset.variants())) {
            VariantSpec.Size size = spec.sizeFor(upright.getWidth(), upright.getHeight());
            BufferedImage pixels = spec.fit() == Fit.COVER
                    ? Resizer.coverCrop(smallestCovering(sources, size), size.width(), size.height())
                    : Resizer.resize(smallestCovering(sources, size), size.width(), size.height());
            if (spec.fit() == Fit.INSIDE) {
                sources.add(pixels);
            }
            byte[] bytes = Encoder.encode(pixels, spec.format(), spec.quality(), spec.progressive());
            rendered.put(spec, new RenderedVariant(spec, size.width(), size.height(), bytes));
        }
        List<RenderedVariant> variants = preset.variants().stream().map(rendered::get).toList();
        String placeholder = preset.placeholderWidth() > 0
                ? Placeholder.dataUri(smallestCovering(sources, new VariantSpec.Size(preset.placeholderWidth(), 1)),
                        preset.placeholderWidth())
                : null;
        return new Rendition(inspection.format(), decoded.displayWidth(), decoded.displayHeight(),
                decoded.exif(), variants, placeholder);
    }

    private static List<VariantSpec> largestFirst(List<VariantSpec> specs) {
        return specs.stream()
                .sorted(Comparator.comparingInt(VariantSpec::width).thenComparingInt(VariantSpec::height).reversed())
                .toList();
    }

    /** The smallest picture made so far that is at least the given size on both sides. */
    private static BufferedImage smallestCovering(List<BufferedImage> sources, VariantSpec.Size size) {
        BufferedImage best = sources.get(0);
        for (BufferedImage candidate : sources) {
            if (candidate.getWidth() >= size.width() && candidate.getHeight() >= size.height()
                    && candidate.getWidth() < best.getWidth()) {
                best = candidate;
            }
        }
        return best;
    }
}
