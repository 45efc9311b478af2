package imaging;

/** How a variant fills its box. */
public enum Fit {
    /** Fill the box exactly, cropping the centre of the longer side. */
    COVER,
    /** Fit within the box, aspect kept, nothing cropped. */
    INSIDE
}
