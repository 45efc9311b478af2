package imaging;

import imaging.dicom.DicomSummary;
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
 * Cover variants of {@link Gravity#SMART} are cut around the picture's most eye-catching part
 * ({@link Saliency}); for a preset whose images are analysed, the render also keeps an
 * {@link AnalysisCopy}, from which {@link #refocus} cuts them again around what analysis found.
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
        return render(inspection, data, preset, StageListener.NONE);
    }

    /**
     * Renders data that {@link #inspector()} has already passed, telling the listener what each stage took
     * (decode includes the wait for heap).
     *
     * @throws ImageRejectedException the upload cannot be rendered (its code says why); permanent
     * @throws InterruptedException   the render was waiting for heap when its thread was interrupted
     */
    public Rendition render(Inspection inspection, byte[] data, Preset preset, StageListener stages)
            throws ImageRejectedException, InterruptedException {
        try (RenderBudget budget = new RenderBudget(heap, limits.renderTimeLimit())) {
            return render(inspection, data, preset, budget, stages);
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

    /** Bytes of the heap budget reserved now by the renders under way (whole mebibytes per render). */
    public long heapReserved() {
        return heap.reserved();
    }

    private Rendition render(Inspection inspection, byte[] data, Preset preset, RenderBudget budget,
            StageListener stages) throws ImageRejectedException, InterruptedException {
        long start = System.nanoTime();
        DecodedImage decoded = decoder.decode(data, inspection,
                display -> largestNeed(preset, display.width(), display.height()), budget);
        stages.decoded(System.nanoTime() - start);
        Deadline deadline = budget.deadline();
        int width = decoded.displayWidth();
        int height = decoded.displayHeight();
        BufferedImage upright = decoded.orientation().apply(decoded.pixels());

        List<BufferedImage> sources = new ArrayList<>(List.of(upright));
        Map<VariantSpec, RenderedVariant> rendered = new LinkedHashMap<>();
        Focus salient = preset.hasSmartCrops() ? Saliency.of(upright) : Focus.CENTRE;
        for (VariantSpec spec : largestFirst(preset.variants())) {
            deadline.check();
            VariantSpec.Size size = spec.sizeFor(width, height);
            long scaling = System.nanoTime();
            BufferedImage pixels = spec.fit() == Fit.COVER
                    ? Resizer.coverCrop(smallestCovering(sources, size), size.width(), size.height(),
                            spec.gravity() == Gravity.SMART ? salient : Focus.CENTRE, deadline)
                    : Resizer.resize(smallestCovering(sources, size), size.width(), size.height(), deadline);
            if (spec.fit() == Fit.INSIDE) {
                sources.add(pixels);
            }
            BufferedImage finished = finish(pixels, spec, preset);
            long encoding = System.nanoTime();
            stages.scaled(encoding - scaling);
            byte[] bytes = Encoder.encode(finished, spec.format(), spec.quality(), spec.progressive());
            stages.encoded(spec.format(), System.nanoTime() - encoding);
            rendered.put(spec, new RenderedVariant(spec, size.width(), size.height(), bytes));
        }
        List<RenderedVariant> variants = preset.variants().stream().map(rendered::get).toList();
        String placeholder = null;
        if (preset.placeholderWidth() > 0) {
            deadline.check();
            VariantSpec.Size size = Placeholder.sizeFor(width, height, preset.placeholderWidth());
            placeholder = Placeholder.dataUri(smallestCovering(sources, size), size);
        }
        DicomSummary dicom = inspection.format() == ImageFormat.DICOM ? DicomSummary.read(data).orElse(null) : null;
        return new Rendition(inspection.format(), width, height, decoded.animated(), decoded.exif(), variants,
                placeholder, dicom,
                preset.analysisSide() > 0 ? analysisCopy(sources, preset, width, height, deadline) : null);
    }

    /**
     * Cuts the rendition's smart-gravity cover variants again with this focus (the objects image analysis
     * found), from its analysis copy's crop source; the other variants stay as rendered. The result no
     * longer holds the analysis copy.
     */
    public static Rendition refocus(Rendition rendition, Preset preset, Focus focus) {
        BufferedImage source = rendition.analysisCopy() == null ? null : rendition.analysisCopy().cropSource();
        if (source == null) {
            return rendition.withVariants(rendition.variants());
        }
        List<RenderedVariant> variants = rendition.variants().stream().map(variant -> {
            VariantSpec spec = variant.spec();
            if (spec.fit() != Fit.COVER || spec.gravity() != Gravity.SMART) {
                return variant;
            }
            BufferedImage pixels = Resizer.coverCrop(source, variant.width(), variant.height(), focus);
            return new RenderedVariant(spec, variant.width(), variant.height(),
                    Encoder.encode(finish(pixels, spec, preset), spec.format(), spec.quality(), spec.progressive()));
        }).toList();
        return rendition.withVariants(variants);
    }

    /** The picture to analyse, at the preset's analysis side, and what smart cover variants are cut from. */
    private static AnalysisCopy analysisCopy(List<BufferedImage> sources, Preset preset, int width, int height,
            Deadline deadline) {
        deadline.check();
        VariantSpec.Size size = AnalysisCopy.sizeFor(width, height, preset.analysisSide());
        BufferedImage picture = smallestCovering(sources, size);
        BufferedImage cropSource = null;
        if (preset.hasSmartCrops()) {
            int needW = 1;
            int needH = 1;
            for (VariantSpec spec : preset.variants()) {
                if (spec.fit() == Fit.COVER && spec.gravity() == Gravity.SMART) {
                    VariantSpec.Size cut = spec.sizeFor(width, height);
                    needW = Math.max(needW, cut.width());
                    needH = Math.max(needH, cut.height());
                }
            }
            cropSource = smallestCovering(sources, new VariantSpec.Size(needW, needH));
        }
        return AnalysisCopy.of(Resizer.resize(picture, Math.min(size.width(), picture.getWidth()),
                Math.min(size.height(), picture.getHeight()), deadline), cropSource, preset.showsTransparency());
    }

    /** Sharpening and the watermark: on a copy, as the cascade goes on scaling from the plain pixels. */
    private static BufferedImage finish(BufferedImage pixels, VariantSpec spec, Preset preset) {
        BufferedImage out = spec.sharpen() ? Sharpen.apply(pixels) : pixels;
        if (preset.watermark().isPresent() && preset.watermark().get().appliesTo(spec, out.getWidth())) {
            out = preset.watermark().get().apply(out);
        }
        return out;
    }

    /**
     * The smallest size, at the source's aspect, from which every variant, and the analysis copy, can be
     * cut without enlarging.
     */
    private static VariantSpec.Size largestNeed(Preset preset, int width, int height) {
        VariantSpec.Size analysed = AnalysisCopy.sizeFor(width, height, preset.analysisSide());
        int needW = preset.analysisSide() > 0 ? analysed.width() : 1;
        int needH = preset.analysisSide() > 0 ? analysed.height() : 1;
        for (VariantSpec spec : preset.variants()) {
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
