package imaging;

/** What the header says about an upload, learnt without decoding its pixels. */
public record Inspection(ImageFormat format, int width, int height, long bytes) {

    public long pixels() {
        return (long) width * height;
    }
}
