package aws;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Presigned S3 URLs. An upload URL signs the content type, the exact length and {@code If-None-Match: *}, so
 * S3 itself refuses any other type or size and writes the object once: a second PUT to the same URL gets
 * 412 Precondition Failed (S3 conditional writes), and the source of a job never changes under it. A
 * download URL is a plain time-limited GET, or a CDN URL when one is configured.
 */
@ApplicationScoped
public class ObjectUrls {

    /** The conditional-write header value: only if no object exists under the key yet. */
    private static final String WRITE_ONCE = "*";

    private final S3Presigner presigner;
    private final Duration uploadTtl;
    private final Duration downloadTtl;
    private final Optional<String> cdnBaseUrl;

    public ObjectUrls(S3Presigner presigner, @ConfigProperty(name = "app.uploads.url-ttl") Duration uploadTtl,
            @ConfigProperty(name = "app.downloads.url-ttl") Duration downloadTtl,
            @ConfigProperty(name = "app.downloads.cdn-base-url") Optional<String> cdnBaseUrl) {
        this.presigner = presigner;
        this.uploadTtl = uploadTtl;
        this.downloadTtl = downloadTtl;
        this.cdnBaseUrl = cdnBaseUrl.map(url -> url.endsWith("/") ? url : url + "/");
    }

    public Presigned upload(String bucket, String key, String contentType, long bytes) {
        return upload(bucket, key, contentType, bytes, uploadTtl);
    }

    public Presigned upload(String bucket, String key, String contentType, long bytes, Duration ttl) {
        PresignedPutObjectRequest request = presigner.presignPutObject(p -> p
                .signatureDuration(ttl)
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentType(contentType).contentLength(bytes)
                        .ifNoneMatch(WRITE_ONCE)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("If-None-Match", WRITE_ONCE);
        return new Presigned("PUT", request.url().toString(), headers,
                request.expiration().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * An upload URL for the clients of the earlier systems (the compatibility routes), which send no length
     * and no {@code If-None-Match}: it signs the content type when one is given, nothing else, so S3
     * enforces neither the size nor write-once. The pipeline's own limits still apply when the object
     * arrives (its size from the S3 event, before it is read).
     *
     * @param contentType the type the client will send, or null to accept any
     */
    public Presigned looseUpload(String bucket, String key, String contentType) {
        PresignedPutObjectRequest request = presigner.presignPutObject(p -> p
                .signatureDuration(uploadTtl)
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentType(contentType)));
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("Content-Type", contentType);
        return new Presigned("PUT", request.url().toString(), headers,
                request.expiration().truncatedTo(ChronoUnit.SECONDS));
    }

    public String download(String bucket, String key) {
        if (cdnBaseUrl.isPresent()) {
            return cdnBaseUrl.get() + key;
        }
        return presigner.presignGetObject(p -> p.signatureDuration(downloadTtl).getObjectRequest(o -> o.bucket(bucket)
                .key(key))).url().toString();
    }
}
