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
 * that is large enough (sharpened and watermarked as the preset says), and finally a blur placeholder.
 *
 * <p>Safe for concurrent renders, which share its heap budget ({@link Limits#maxDecodeBytes()}): each
 * reserves what its decode needs, estimated from the headers, and waits while the others hold too much.
 * Each may then run for {@link Limits#renderTimeLimit()}. Whatever the input, a render ends with a
 * rendition or an {@link ImageRejectedException}: running out of heap or stack is one too
 * ({@code too-complex}), final for that image, and the heap is whole again for the next.
 */
public final class Renderer {

    private final ImageInspector inspector;
    private final ImageDecoder decoder = new ImageDecoder();
    private final Limits limits;
    private final HeapBudget heap;

    public Renderer(Limits limits) {
        this.inspector = new ImageInspector(limits);
        this.limits = limits;
        this.heap = new HeapBudget(limits.maxDecodeBytes());
    }

    public ImageInspector inspector() {
        return inspector;
    }

    public Rendition render(byte[] data, Preset preset) throws ImageRejectedException, InterruptedException {
        return render(inspector.inspect(data), data, preset);
    }

    /**
     * Renders data that {@link #inspector()} has already passed.
     *
     * @throws ImageRejectedException the upload cannot be rendered (its code says why); permanent
     * @throws InterruptedException   the render was waiting for heap when its thread was interrupted
     */
    public Rendition render(Inspection inspection, byte[] data, Preset preset)
            throws ImageRejectedException, InterruptedException {
        try (RenderBudget budget = new RenderBudget(heap, limits.renderTimeLimit())) {
            return render(inspection, data, preset, budget);
        } catch (Rejected e) {
            throw e.rejection();
        } catch (OutOfMemoryError e) {
            throw new ImageRejectedException(RejectReason.TOO_COMPLEX,
                    "Rendering needed more memory than the %s heap had".formatted(
                            PixelMemory.megabytes(Runtime.getRuntime().maxMemory())), e);
        } catch (StackOverflowError e) {
            throw new ImageRejectedException(RejectReason.TOO_COMPLEX,
                    "The image's structure nests deeper than the decoder's stack can follow", e);
        }
    }

    private Rendition render(Inspection inspection, byte[] data, Preset preset, RenderBudget budget)
            throws ImageRejectedException, InterruptedException {
        DecodedImage decoded = decoder.decode(data, inspection,
                display -> largestNeed(preset.variants(), display.width(), display.height()), budget);
        Deadline deadline = budget.deadline();
        int width = decoded.displayWidth();
        int height = decoded.displayHeight();
        BufferedImage upright = decoded.orientation().apply(decoded.pixels());

        List<BufferedImage> sources = new ArrayList<>(List.of(upright));
        Map<VariantSpec, RenderedVariant> rendered = new LinkedHashMap<>();
        for (VariantSpec spec : largestFirst(preset.variants())) {
            deadline.check();
            VariantSpec.Size size = spec.sizeFor(width, height);
            BufferedImage pixels = spec.fit() == Fit.COVER
                    ? Resizer.coverCrop(smallestCovering(sources, size), size.width(), size.height(), deadline)
                    : Resizer.resize(smallestCovering(sources, size), size.width(), size.height(), deadline);
            if (spec.fit() == Fit.INSIDE) {
                sources.add(pixels);
            }
            byte[] bytes = Encoder.encode(finish(pixels, spec, preset), spec.format(), spec.quality(), spec.progressive());
            rendered.put(spec, new RenderedVariant(spec, size.width(), size.height(), bytes));
        }
        List<RenderedVariant> variants = preset.variants().stream().map(rendered::get).toList();
        String placeholder = null;
        if (preset.placeholderWidth() > 0) {
            deadline.check();
            VariantSpec.Size size = Placeholder.sizeFor(width, height, preset.placeholderWidth());
            placeholder = Placeholder.dataUri(smallestCovering(sources, size), size);
        }
        return new Rendition(inspection.format(), width, height, decoded.animated(), decoded.exif(), variants,
                placeholder);
    }

    /** Sharpening and the watermark: on a copy, as the cascade goes on scaling from the plain pixels. */
    private static BufferedImage finish(BufferedImage pixels, VariantSpec spec, Preset preset) {
        BufferedImage out = spec.sharpen() ? Sharpen.apply(pixels) : pixels;
        if (preset.watermark().isPresent() && preset.watermark().get().appliesTo(spec, out.getWidth())) {
            out = preset.watermark().get().apply(out);
        }
        return out;
    }

    /** The smallest size, at the source's aspect, from which every variant can be cut without enlarging. */
    private static VariantSpec.Size largestNeed(List<VariantSpec> specs, int width, int height) {
        int needW = 1;
        int needH = 1;
        for (VariantSpec spec : specs) {
            VariantSpec.Size size = spec.sizeFor(width, height);
            if (spec.fit() == Fit.COVER) {
                double scale = Math.min(1.0, Math.max((double) size.width() / width, (double) size.height() / height));
                size = new VariantSpec.Size((int) Math.min(width, Math.ceil(width * scale)),
                        (int) Math.min(height, Math.ceil(height * scale)));
            }
            needW = Math.max(needW, size.width());
            needH = Math.max(needH, size.height());
        }
        return new VariantSpec.Size(needW, needH);
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
