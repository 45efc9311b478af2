package imaging;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One output of a preset.
 *
 * @param width       the box width in pixels
 * @param height      the box height in pixels, 0 for "any height" (width-bound)
 * @param quality     encoder quality, 1-100
 * @param progressive progressive JPEG (ignored by other formats)
 * @param sharpen     a light unsharp mask after scaling, for detail that downscaling softens
 */
public record VariantSpec(String name, int width, int height, Fit fit, OutputFormat format, int quality,
        boolean progressive, boolean sharpen) {

    private static final Set<String> OPTIONS = Set.of("progressive", "sharpen");
    private static final String FORM = "name WIDTH[xHEIGHT] cover|inside jpeg|webp|png qNN [progressive] [sharpen]";

    public VariantSpec {
        if (width <= 0 || height < 0) {
            throw new IllegalArgumentException("Variant " + name + " needs a positive width and a height >= 0");
        }
        if (fit == Fit.COVER && height == 0) {
            throw new IllegalArgumentException("Variant " + name + " uses fit cover and so needs a height");
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("Variant " + name + " needs a quality from 1 to 100");
        }
    }

    /**
     * Reads a variant from its one-line form: {@code name WIDTH[xHEIGHT] cover|inside jpeg|webp|png qNN
     * [progressive] [sharpen]}, e.g. {@code thumbnail 150x150 cover jpeg q80}.
     */
    public static VariantSpec parse(String line) {
        List<String> words = List.of(line.trim().split("\\s+"));
        List<String> options = words.subList(Math.min(5, words.size()), words.size());
        if (words.size() < 5 || !words.get(4).matches("q\\d{1,3}")
                || !OPTIONS.containsAll(options) || Set.copyOf(options).size() != options.size()) {
            throw new IllegalArgumentException("Variant '" + line.trim() + "' should read: " + FORM);
        }
        String[] box = words.get(1).toLowerCase(Locale.ROOT).split("x", 2);
        try {
            return new VariantSpec(words.get(0), Integer.parseInt(box[0]), box.length == 2 ? Integer.parseInt(box[1]) : 0,
                    Fit.valueOf(words.get(2).toUpperCase(Locale.ROOT)),
                    OutputFormat.valueOf(words.get(3).toUpperCase(Locale.ROOT)),
                    Integer.parseInt(words.get(4).substring(1)), options.contains("progressive"),
                    options.contains("sharpen"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Variant '" + line.trim() + "': " + e.getMessage(), e);
        }
    }

    /**
     * The output size for a source of the given displayed size: never enlarged, and whatever the box says,
     * scaled down (aspect kept) until its longer side fits the format's {@link OutputFormat#maxSide()}, so
     * that a 1x20000 picture gives a 1x16383 WebP instead of an encoder error.
     */
    public Size sizeFor(int sourceWidth, int sourceHeight) {
        Size size = boxed(sourceWidth, sourceHeight);
        int longer = Math.max(size.width(), size.height());
        if (longer <= format.maxSide()) {
            return size;
        }
        double scale = (double) format.maxSide() / longer;
        return new Size(Math.max(1, Math.min(format.maxSide(), (int) Math.round(size.width() * scale))),
                Math.max(1, Math.min(format.maxSide(), (int) Math.round(size.height() * scale))));
    }

    private Size boxed(int sourceWidth, int sourceHeight) {
        if (fit == Fit.COVER) {
            return new Size(Math.min(width, sourceWidth), Math.min(height, sourceHeight));
        }
        double scale = Math.min(1.0, (double) width / sourceWidth);
        if (height > 0) {
            scale = Math.min(scale, (double) height / sourceHeight);
        }
        return new Size(Math.max(1, (int) Math.round(sourceWidth * scale)),
                Math.max(1, (int) Math.round(sourceHeight * scale)));
    }

    public record Size(int width, int height) {

        /** The same box on its side. */
        public Size transposed() {
            return new Size(height, width);
        }
    }
}
