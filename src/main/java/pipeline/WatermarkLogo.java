package pipeline;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A watermark logo named in the configuration ({@code classpath:...} or {@code s3://bucket/key}), read
 * on first use and kept: a logo in S3 can be put there after the service started.
 */
final class WatermarkLogo implements Supplier<BufferedImage> {

    private final String source;
    private final Supplier<S3Client> s3;
    private volatile BufferedImage image;

    WatermarkLogo(String source, Supplier<S3Client> s3) {
        if (!source.startsWith("classpath:") && !source.startsWith("s3://")) {
            throw new IllegalArgumentException("Watermark image '" + source
                    + "' should read classpath:<path> or s3://<bucket>/<key>");
        }
        this.source = source;
        this.s3 = s3;
    }

    @Override
    public BufferedImage get() {
        BufferedImage loaded = image;
        if (loaded == null) {
            loaded = load();
            image = loaded;
        }
        return loaded;
    }

    private BufferedImage load() {
        try (InputStream in = open()) {
            BufferedImage decoded = ImageIO.read(in);
            if (decoded == null) {
                throw new IllegalStateException("Watermark image " + source + " is not a PNG or JPEG image");
            }
            return decoded;
        } catch (IOException e) {
            throw new UncheckedIOException("Watermark image " + source + " cannot be read", e);
        }
    }

    private InputStream open() throws IOException {
        if (source.startsWith("classpath:")) {
            InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(source.substring("classpath:".length()));
            if (in == null) {
                throw new IllegalStateException("Watermark image " + source + " is not on the classpath");
            }
            return in;
        }
        URI uri = URI.create(source);
        byte[] bytes = s3.get().getObjectAsBytes(b -> b.bucket(uri.getHost()).key(uri.getPath().substring(1)))
                .asByteArray();
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public String toString() {
        return source;
    }
}
