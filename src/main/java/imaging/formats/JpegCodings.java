package imaging.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Which optional JPEG codings the installed decoder reads. Arithmetic coding depends on the libjpeg the
 * JDK links: a system libjpeg-turbo (Debian's and Red Hat's JDKs) decodes it, the libjpeg 6b bundled in
 * other builds does not. So it is asked once, by decoding a tiny arithmetic-coded JPEG.
 */
final class JpegCodings {

    /** An 8x8 grey JPEG, arithmetic-coded (SOF9), made with libjpeg-turbo's {@code cjpeg -arithmetic}. */
    private static final String ARITHMETIC_8X8 = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9"
            + "PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/yQALCAAIAAgBAREA/8wABgAQEAX/2gAIAQEAAD8A3Qifke2GgID/2Q==";

    private static volatile Boolean arithmetic;

    private JpegCodings() {
    }

    static boolean arithmeticDecodable() {
        Boolean known = arithmetic;
        if (known == null) {
            known = probe(Base64.getDecoder().decode(ARITHMETIC_8X8));
            arithmetic = known;
        }
        return known;
    }

    private static boolean probe(byte[] jpeg) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            return false;
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            return reader.read(0).getWidth() == 8;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            reader.dispose();
        }
    }
}
