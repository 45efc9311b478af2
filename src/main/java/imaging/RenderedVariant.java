package imaging;

/** One encoded output, ready to store. */
public record RenderedVariant(VariantSpec spec, int width, int height, byte[] bytes) {

    public String name() {
        return spec.name();
    }

    public OutputFormat format() {
        return spec.format();
    }
}
