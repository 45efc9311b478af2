package imaging;

import java.util.Arrays;
import java.util.Locale;

/** Where a watermark goes: one of nine places on the picture, or repeated over all of it. */
public enum WatermarkAnchor {
    TOP_LEFT(0, 0), TOP(1, 0), TOP_RIGHT(2, 0),
    LEFT(0, 1), CENTER(1, 1), RIGHT(2, 1),
    BOTTOM_LEFT(0, 2), BOTTOM(1, 2), BOTTOM_RIGHT(2, 2),
    TILED(-1, -1);

    private final int column;
    private final int row;

    WatermarkAnchor(int column, int row) {
        this.column = column;
        this.row = row;
    }

    /** Reads the configuration's spelling: {@code bottom-right}, {@code center}, {@code tiled}. */
    public static WatermarkAnchor parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Watermark anchor '" + value + "' is none of " + Arrays.stream(values())
                    .map(a -> a.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList(), e);
        }
    }

    /** The mark's left edge for a picture and a mark of these widths, a margin in from the picture's edges. */
    int x(int pictureWidth, int markWidth, int margin) {
        return place(column, pictureWidth, markWidth, margin);
    }

    int y(int pictureHeight, int markHeight, int margin) {
        return place(row, pictureHeight, markHeight, margin);
    }

    private static int place(int slot, int outer, int inner, int margin) {
        return switch (slot) {
            case 0 -> margin;
            case 1 -> (outer - inner) / 2;
            default -> outer - inner - margin;
        };
    }
}
