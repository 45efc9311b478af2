package imaging;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

/**
 * Estimates, from a decoder's headers alone, of the heap that pixels take: the one place that knows what
 * a layout costs, so the render can reserve it (or be refused) before anything is allocated.
 */
final class PixelMemory {

    private PixelMemory() {
    }

    /**
     * Bytes a decode of the given pixels of the first frame (all of it, or the region asked for) takes
     * with this reader (input set): the layout its {@code read} allocates (e.g. 8 bytes a pixel for a
     * 16-bit RGBA PNG), the 8-bit BGR or ARGB copy the engine works on when the layout is another, the
     * first halving of a picture with alpha, and for a JPEG that the reader converts as a whole raster
     * (CMYK, a colour profile other than sRGB) that raster.
     */
    static long decode(ImageReader reader, ImageFormat format, long pixels) throws IOException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (!types.hasNext()) {
            throw new IIOException("The decoder offers no layout for this image");
        }
        ImageTypeSpecifier type = types.next();
        long bytes = bytes(type, pixels);
        if (type.getBufferedImageType() != BufferedImage.TYPE_3BYTE_BGR) {
            bytes += 4 * pixels;
        }
        if (type.getColorModel().hasAlpha()) {
            bytes += pixels;
        }
        if (format == ImageFormat.JPEG) {
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            ColorSpace space = raw == null ? null : raw.getColorModel().getColorSpace();
            if (space == null || !space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
                bytes += raw == null ? 4 * pixels : bytes(raw, pixels);
            }
        }
        return bytes;
    }

    /**
     * Bytes of one piece of the picture (a TIFF tile or strip) in the reader's raw layout: what the JDK's
     * TIFF decompressors hold beside the picture while they decode the piece.
     */
    static long piece(ImageReader reader, Area piece) throws IOException {
        long pixels = (long) piece.width() * piece.height();
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        return raw == null ? 8 * pixels : bytes(raw, pixels);
    }

    /**
     * Bytes of the pictures a render makes from its decoded picture, once scaled to the given size: that
     * picture, its upright copy, and the variants cut from them, as ARGB at worst.
     */
    static long pictures(VariantSpec.Size size) {
        return 3L * 4 * size.width() * size.height();
    }

    /** Bytes of the given pixels in the layout. */
    static long bytes(ImageTypeSpecifier type, long pixels) {
        SampleModel model = type.getSampleModel();
        int sampleBits = DataBuffer.getDataTypeSize(model.getDataType());
        long bits;
        if (model instanceof MultiPixelPackedSampleModel packed) {
            bits = packed.getPixelBitStride();
        } else if (model instanceof SinglePixelPackedSampleModel) {
            bits = sampleBits;
        } else if (model instanceof ComponentSampleModel component) {
            bits = (long) Math.max(component.getPixelStride(), component.getNumBands()) * sampleBits;
        } else {
            bits = (long) model.getNumBands() * sampleBits;
        }
        return (pixels * bits + 7) / 8;
    }

    /** Megabytes, for messages. */
    static String megabytes(long bytes) {
        return "%,d MB".formatted((bytes + (1 << 20) - 1) >> 20);
    }
}
