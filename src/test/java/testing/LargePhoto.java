package testing;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A 24 MP camera-like JPEG (8064x3024: the corpus' 12 MP photo beside its mirror image, quality 90),
 * made once under target/ by a JVM with room for it, for checks that run in a small heap.
 */
public final class LargePhoto {

    public static final Path FILE = Path.of("target/test-data/photo-24mp-8064x3024.jpg");

    private LargePhoto() {
    }

    /** The file, made first if it is not there yet (in a child JVM: encoding it needs 100 MB of heap). */
    public static Path ensure() {
        if (Files.exists(FILE)) {
            return FILE;
        }
        try {
            Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), LargePhoto.class.getName(),
                    FILE.toString()).inheritIO().start();
            if (java.waitFor() != 0 || !Files.exists(FILE)) {
                throw new IllegalStateException("Could not make " + FILE);
            }
            return FILE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        BufferedImage photo = ImageIO.read(Corpus.path("photos/large-landscape-4032x3024.jpg").toFile());
        int w = photo.getWidth();
        int h = photo.getHeight();
        BufferedImage wide = new BufferedImage(2 * w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = wide.createGraphics();
        g.drawImage(photo, 0, 0, null);
        g.drawImage(photo, 2 * w, 0, -w, h, null);
        g.dispose();
        Path target = Path.of(args[0]);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(partial.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(wide, null, null), param);
        } finally {
            writer.dispose();
        }
        Files.move(partial, target);
    }
}
