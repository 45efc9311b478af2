package imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The opaque-photo scaler: whole-factor box shrink streamed into the cubic, at the ratios photos meet. */
class DownscalerTest {

    @ParameterizedTest
    @ValueSource(ints = {2688, 1344, 1200, 401, 150})
    void aFlatColourStaysExactlyThatColour(int width) {
        BufferedImage flat = picture(4032, 3024, (x, y) -> new Color(200, 120, 40));

        BufferedImage out = Resizer.resize(flat, width, width * 3 / 4);

        for (int y = 0; y < out.getHeight(); y += 7) {
            for (int x = 0; x < out.getWidth(); x += 7) {
                assertEquals(new Color(200, 120, 40), new Color(out.getRGB(x, y)), "at " + x + "," + y);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 7})
    void finestDetailAveragesToGreyInsteadOfAliasing(int pixelsPerOutput) {
        // A one-pixel checkerboard is the highest frequency a picture holds: point sampling would turn it
        // into black or white, a proper low-pass into the mean.
        BufferedImage checkers = picture(600 * pixelsPerOutput + 3, 400 * pixelsPerOutput + 1,
                (x, y) -> (x + y) % 2 == 0 ? Color.BLACK : Color.WHITE);

        BufferedImage out = Resizer.resize(checkers, 600, 400);

        for (int y = 2; y < out.getHeight() - 2; y += 5) {
            for (int x = 2; x < out.getWidth() - 2; x += 5) {
                int grey = new Color(out.getRGB(x, y)).getGreen();
                assertTrue(grey >= 118 && grey <= 137, "at " + x + "," + y + ": " + grey);
            }
        }
    }

    @Test
    void anEdgeStaysWhereItIsAndSharp() {
        // Red left of x = 1344, blue right of it, scaled by 3.36 as a 12 MP photo to 1200 px: the edge lands
        // at x = 400 and only the pixels next to it mix.
        BufferedImage halves = picture(4032, 3024, (x, y) -> x < 1344 ? Color.RED : Color.BLUE);

        BufferedImage out = Resizer.resize(halves, 1200, 900);

        for (int x = 0; x < 1200; x++) {
            Color c = new Color(out.getRGB(x, 450));
            if (x < 398) {
                assertEquals(Color.RED, c, "x=" + x);
            } else if (x > 401) {
                assertEquals(Color.BLUE, c, "x=" + x);
            }
        }
    }

    @Test
    void boxRowsAverageWholeBlocksAndWhatTheEdgeBlocksHave() {
        // 7 x 5 source, 3 x 2 blocks: columns {0-2, 3-5, 6}, rows {0-1, 2-3, 4}; value = 10x + y on blue.
        BufferedImage source = picture(7, 5, (x, y) -> new Color(0, 0, 10 * x + y));
        List<int[]> rows = new ArrayList<>();
        BoxRows box = new BoxRows(7, 5, 3, 2, row -> rows.add(row.clone()));

        new ImageRows(source, new Rectangle(0, 0, 7, 5)).sendTo(box);

        assertEquals(3, rows.size());
        int[][] blues = new int[3][3];
        for (int y = 0; y < 3; y++) {
            assertEquals(3 * 3, rows.get(y).length);
            for (int x = 0; x < 3; x++) {
                blues[y][x] = rows.get(y)[x * 3];
            }
        }
        assertArrayEquals(new int[][] {
                {11, 41, 61}, // means of 10x + y over x in {0,1,2}, {3,4,5}, {6} and y in {0,1} (10.5 rounds up)
                {13, 43, 63},
                {14, 44, 64}}, blues);
    }

    private interface Paint {
        Color at(int x, int y);
    }

    private static BufferedImage picture(int width, int height, Paint paint) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0, at = 0; y < height; y++) {
            for (int x = 0; x < width; x++, at += 3) {
                Color c = paint.at(x, y);
                bgr[at] = (byte) c.getBlue();
                bgr[at + 1] = (byte) c.getGreen();
                bgr[at + 2] = (byte) c.getRed();
            }
        }
        return image;
    }
}
