package imaging.dicom;

/**
 * From a grey stored value to an 8-bit level: the rescale of the Modality LUT, then the VOI window, then
 * the inversion of MONOCHROME1 (PS3.3 C.11.1, C.11.2, C.7.6.3.1.2).
 *
 * @param window   the window to show, or null to stretch the frame's own range of values over 0-255
 * @param inverted MONOCHROME1: the lowest value is shown white
 */
record Greyscale(double slope, double intercept, Window window, boolean inverted) {

    /** The level of every stored value, indexed by {@code stored - format.minStored()}. */
    byte[] table(SampleFormat format, Window shown) {
        byte[] table = new byte[format.storedValues()];
        int min = format.minStored();
        for (int i = 0; i < table.length; i++) {
            int level = shown.level((min + i) * slope + intercept);
            table[i] = (byte) (inverted ? 255 - level : level);
        }
        return table;
    }

    /**
     * The window that stretches stored values {@code low..high} over 0-255 (a flat frame shows black,
     * before any inversion).
     */
    Window stretch(int low, int high) {
        double a = low * slope + intercept;
        double b = high * slope + intercept;
        double from = Math.min(a, b);
        double to = Math.max(a, b);
        return to > from
                ? new Window((from + to) / 2, to - from, VoiFunction.LINEAR_EXACT)
                : new Window(from + 1, 1, VoiFunction.LINEAR_EXACT);
    }
}
