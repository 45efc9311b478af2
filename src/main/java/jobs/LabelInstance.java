package jobs;

/**
 * Where one instance of a label is in the image.
 *
 * @param confidence 0-100
 */
public record LabelInstance(Box box, double confidence) {
}
