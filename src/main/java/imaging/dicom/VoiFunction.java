package imaging.dicom;

import java.util.Optional;

/** The VOI LUT Functions that map a window to output levels (PS3.3 C.11.2.1.2-3). */
enum VoiFunction {
    LINEAR {
        @Override
        boolean accepts(double width) {
            return width >= 1;
        }

        @Override
        double apply(double x, double center, double width) {
            double low = center - 0.5 - (width - 1) / 2;
            double high = center - 0.5 + (width - 1) / 2;
            if (x <= low) {
                return 0;
            }
            if (x > high) {
                return MAX;
            }
            return ((x - (center - 0.5)) / (width - 1) + 0.5) * MAX;
        }
    },
    LINEAR_EXACT {
        @Override
        boolean accepts(double width) {
            return width > 0;
        }

        @Override
        double apply(double x, double center, double width) {
            if (x <= center - width / 2) {
                return 0;
            }
            if (x > center + width / 2) {
                return MAX;
            }
            return ((x - center) / width + 0.5) * MAX;
        }
    },
    SIGMOID {
        @Override
        boolean accepts(double width) {
            return width > 0;
        }

        @Override
        double apply(double x, double center, double width) {
            return MAX / (1 + Math.exp(-4 * (x - center) / width));
        }
    };

    /** The highest output level: 8 bits. */
    static final double MAX = 255;

    /** Whether a window of this width is valid for the function. */
    abstract boolean accepts(double width);

    /** The output level, 0 to {@link #MAX}, of modality value {@code x}. */
    abstract double apply(double x, double center, double width);

    /** The file's VOI LUT Function; LINEAR when absent (PS3.3 C.11.2.1.3). */
    static Optional<VoiFunction> of(String code) {
        for (VoiFunction f : values()) {
            if (f.name().equals(code)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
