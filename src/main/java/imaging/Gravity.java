package imaging;

/** Where a {@link Fit#COVER} variant takes its crop from. */
public enum Gravity {
    /** The middle of the picture: the same crop whatever it shows (the default). */
    CENTRE,
    /**
     * What matters in the picture: the objects image analysis found when it ran, otherwise the most
     * eye-catching part by {@link Saliency}.
     */
    SMART
}
