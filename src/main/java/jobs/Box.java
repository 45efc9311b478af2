package jobs;

/** A rectangle in pixels of the displayed image (after EXIF orientation), origin top-left. */
public record Box(int left, int top, int width, int height) {
}
