package imaging;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;

/** The rows of an area of a 3-byte BGR image already in memory, handed to a sink top to bottom. */
final class ImageRows {

    private final byte[] data;
    private final int base;
    private final int stride;
    private final int width;
    private final int height;

    ImageRows(BufferedImage image, Rectangle area) {
        WritableRaster raster = image.getRaster();
        ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
        int minOffset = Integer.MAX_VALUE;
        for (int offset : model.getBandOffsets()) {
            minOffset = Math.min(minOffset, offset);
        }
        this.data = ((DataBufferByte) raster.getDataBuffer()).getData();
        this.stride = model.getScanlineStride();
        this.base = (area.y - raster.getSampleModelTranslateY()) * stride
                + (area.x - raster.getSampleModelTranslateX()) * 3 + minOffset;
        this.width = area.width;
        this.height = area.height;
    }

    /** Hands every row of the area to the sink, in order. */
    void sendTo(RowSink sink) {
        int[] row = new int[width * 3];
        for (int y = 0; y < height; y++) {
            int at = base + y * stride;
            for (int i = 0; i < row.length; i++) {
                row[i] = data[at + i] & 0xFF;
            }
            sink.accept(row);
        }
    }
}
