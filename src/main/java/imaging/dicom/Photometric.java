package imaging.dicom;

import java.util.Optional;

/** The Photometric Interpretations this reader renders (PS3.3 C.7.6.3.1.2). */
public enum Photometric {
    /** Grey, the lowest value shown white: inverted after windowing. */
    MONOCHROME1(1),
    /** Grey, the lowest value shown black. */
    MONOCHROME2(1),
    /** Red, green and blue samples, 8 bits each. */
    RGB(3);

    private final int samplesPerPixel;

    Photometric(int samplesPerPixel) {
        this.samplesPerPixel = samplesPerPixel;
    }

    int samplesPerPixel() {
        return samplesPerPixel;
    }

    boolean grey() {
        return samplesPerPixel == 1;
    }

    static Optional<Photometric> of(String code) {
        for (Photometric p : values()) {
            if (p.name().equals(code)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
