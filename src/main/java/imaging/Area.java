package imaging;

/** A rectangle of pixels: where a frame or a tile sits, in pixels from the canvas' top left. */
public record Area(int x, int y, int width, int height) {

    /** A rectangle at the top left. */
    public static Area of(int width, int height) {
        return new Area(0, 0, width, height);
    }

    public long pixels() {
        return (long) width * height;
    }
}
