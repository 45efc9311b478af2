package imaging.dicom;

/**
 * A VOI window in modality units (after rescale), with the function that maps it to 8 bits.
 *
 * @param center the Window Center
 * @param width  the Window Width, valid for {@code function}
 */
record Window(double center, double width, VoiFunction function) {

    /** The default when a CT file has none: the soft-tissue window (level 40 HU, width 400 HU). */
    static final Window CT_SOFT_TISSUE = new Window(40, 400, VoiFunction.LINEAR);

    /** The output level of modality value {@code x}, 0-255. */
    int level(double x) {
        return (int) Math.round(function.apply(x, center, width));
    }
}
