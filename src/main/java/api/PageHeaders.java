package api;

import aws.ObjectUrls;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers for the web page at {@code /} (static files in {@code META-INF/resources}). Its
 * Content-Security-Policy lets it load and call only this service, plus the storage origins its presigned
 * URLs point at: images from the download origin (S3, or the CDN when {@code app.downloads.cdn-base-url}
 * is set), the PUT to the upload origin (S3). Those origins are read from URLs presigned the way real ones
 * are, so they follow the configuration (path or virtual-host style, endpoint override, CDN).
 */
@ApplicationScoped
public class PageHeaders {

    /** The page's documents: everything else (the API, Swagger UI in dev) keeps its own rules. */
    private static final String PAGE_PATHS = "/|/index\\.html";

    private final ObjectUrls urls;
    private final String bucket;
    private volatile String policy;

    public PageHeaders(ObjectUrls urls, @ConfigProperty(name = "app.s3.bucket") String bucket) {
        this.urls = urls;
        this.bucket = bucket;
    }

    // Blocking: the first presign may resolve AWS credentials over the network (instance role, web identity).
    void install(@Observes Router router) {
        router.routeWithRegex(PAGE_PATHS).order(Integer.MIN_VALUE + 1).blockingHandler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", policy())
                    // Presigned URLs and job ids stay out of other sites' logs.
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Content-Type-Options", "nosniff");
            ctx.next();
        });
    }

    /** The page's policy, made on first use (a failure is retried by the next request). */
    String policy() {
        if (policy == null) {
            String upload = origin(urls.upload(bucket, "uploads/origin", "image/jpeg", 1).url());
            String download = origin(urls.download(bucket, "processed/origin"));
            policy = String.join("; ",
                    "default-src 'self'",
                    "img-src 'self' data: " + download,
                    "connect-src 'self' " + upload,
                    "object-src 'none'",
                    "base-uri 'none'",
                    "form-action 'self'",
                    "frame-ancestors 'none'");
        }
        return policy;
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
