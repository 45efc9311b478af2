package imaging.dicom;

import java.util.Set;

/**
 * The data elements this reader looks at, as {@code group << 16 | element} (PS3.6 Table 6-1), and the
 * whitelist of those whose values it keeps. Nothing else is ever copied out of a file: no patient, study
 * or institution attribute, no identifying UID.
 */
final class Tag {

    static final int TRANSFER_SYNTAX_UID = 0x0002_0010;
    static final int STUDY_DATE = 0x0008_0020;
    static final int MODALITY = 0x0008_0060;
    static final int BODY_PART_EXAMINED = 0x0018_0015;
    static final int SAMPLES_PER_PIXEL = 0x0028_0002;
    static final int PHOTOMETRIC_INTERPRETATION = 0x0028_0004;
    static final int PLANAR_CONFIGURATION = 0x0028_0006;
    static final int NUMBER_OF_FRAMES = 0x0028_0008;
    static final int ROWS = 0x0028_0010;
    static final int COLUMNS = 0x0028_0011;
    static final int BITS_ALLOCATED = 0x0028_0100;
    static final int BITS_STORED = 0x0028_0101;
    static final int HIGH_BIT = 0x0028_0102;
    static final int PIXEL_REPRESENTATION = 0x0028_0103;
    static final int WINDOW_CENTER = 0x0028_1050;
    static final int WINDOW_WIDTH = 0x0028_1051;
    static final int RESCALE_INTERCEPT = 0x0028_1052;
    static final int RESCALE_SLOPE = 0x0028_1053;
    static final int VOI_LUT_FUNCTION = 0x0028_1056;
    static final int FLOAT_PIXEL_DATA = 0x7FE0_0008;
    static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7FE0_0009;
    static final int PIXEL_DATA = 0x7FE0_0010;

    static final int ITEM = 0xFFFE_E000;
    static final int ITEM_DELIMITATION = 0xFFFE_E00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFE_E0DD;

    /** The top-level elements whose values are kept; everything else is skipped unread. */
    static final Set<Integer> KEPT = Set.of(STUDY_DATE, MODALITY, BODY_PART_EXAMINED, SAMPLES_PER_PIXEL,
            PHOTOMETRIC_INTERPRETATION, PLANAR_CONFIGURATION, NUMBER_OF_FRAMES, ROWS, COLUMNS, BITS_ALLOCATED,
            BITS_STORED, HIGH_BIT, PIXEL_REPRESENTATION, WINDOW_CENTER, WINDOW_WIDTH, RESCALE_INTERCEPT,
            RESCALE_SLOPE, VOI_LUT_FUNCTION);

    private Tag() {
    }

    /** "(0028,0010)": tag numbers are safe to name in messages, values are not. */
    static String name(int tag) {
        return "(%04X,%04X)".formatted(tag >>> 16, tag & 0xFFFF);
    }
}
