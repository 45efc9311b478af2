package api;

import aws.S3EventNotifications;
import aws.S3ObjectCreated;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jobs.Job;
import jobs.SourceObject;
import jobs.StorageLayout;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pipeline.Presets;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import support.Json;
import support.Ulid;

/**
 * {@code POST /v1/jobs}: a job over images already in the bucket, each under the caller's own upload
 * prefix. The route stores the job and puts one S3-style event per image on the ingest queue, naming the
 * job and the image, so the images take the same pipeline as uploads.
 */
@ApplicationScoped
@Named("batches")
public class Batches {

    public static final int MAX_IMAGES = 50;
    /** S3's limit on a key, in bytes of UTF-8. */
    private static final int MAX_KEY_BYTES = 1024;
    /** {@code s3://}, the longest bucket name (63), {@code /} and the longest key. */
    private static final int MAX_IMAGE_URI_BYTES = 5 + 63 + 1 + MAX_KEY_BYTES;

    private final S3Client s3;
    private final S3EventNotifications events;
    private final Presets presets;
    private final String bucket;
    private final RequestLimits limits;

    public Batches(S3Client s3, S3EventNotifications events, Presets presets,
            @ConfigProperty(name = "app.s3.bucket") String bucket, RequestLimits limits) {
        this.s3 = s3;
        this.events = events;
        this.presets = presets;
        this.bucket = bucket;
        this.limits = limits;
    }

    /**
     * Checks the owner's request (the JSON body: {@code images}, {@code preset}, {@code metadata}; other
     * fields are ignored) and the objects it names: the new job.
     */
    public Job prepare(@Variable("owner") String owner, @Body String body) {
        JsonNode root = JsonFields.object(body, "an images array");
        List<String> uris = images(root);
        String preset = JsonFields.text(root, "preset", false, limits.presetBytes());
        preset = preset == null ? presets.defaultName() : preset;
        ApiException.requirePreset(presets, preset);
        Map<String, Object> metadata = metadata(root);

        String prefix = StorageLayout.UPLOADS + owner + "/";
        List<SourceObject> sources = new ArrayList<>();
        for (String uri : uris) {
            String key = keyOf(uri);
            if (key == null || !key.startsWith(prefix) || key.contains("/../") || key.endsWith("/")) {
                throw new ApiException(403, "forbidden-source",
                        "%s is not yours to process: images must be s3://%s/%s...".formatted(uri, bucket, prefix));
            }
            JsonFields.bounded("the key of " + uri, key, MAX_KEY_BYTES);
            HeadObjectResponse head = head(uri, key);
            sources.add(new SourceObject(bucket, key, head.contentLength(), head.contentType()));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return Job.create(Ulid.next(now), owner, preset, metadata, sources, now);
    }

    /** The S3 event that starts image {@code index} of the job, as S3 would send it, naming job and image. */
    public String event(Job job, int index) {
        SourceObject source = job.images().get(index).source();
        return events.objectCreated(new S3ObjectCreated(source.bucket(), source.key(), source.bytes(), null, null,
                null, job.jobId(), index));
    }

    /** The 202 body. */
    public BatchAccepted accepted(Job job) {
        return new BatchAccepted(job.jobId(), job.status(), job.images().size(), job.metadata(),
                "/v1/jobs/" + job.jobId());
    }

    private static List<String> images(JsonNode root) {
        JsonNode images = root.get("images");
        if (images == null || !images.isArray() || images.isEmpty() || images.size() > MAX_IMAGES) {
            throw ApiException.invalid("images must be an array of 1 to " + MAX_IMAGES + " s3:// URIs");
        }
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            if (!images.get(i).isTextual()) {
                throw ApiException.invalid("images[" + i + "] must be a string such as s3://bucket/uploads/...");
            }
            JsonFields.bounded("images[" + i + "]", images.get(i).asText(), MAX_IMAGE_URI_BYTES);
            if (uris.contains(images.get(i).asText())) {
                // one image per object: a job's images are told apart by their object
                throw ApiException.invalid("images[" + i + "] repeats " + images.get(i).asText());
            }
            uris.add(images.get(i).asText());
        }
        return uris;
    }

    private Map<String, Object> metadata(JsonNode root) {
        JsonNode metadata = root.get("metadata");
        if (metadata == null || metadata.isNull()) {
            return Map.of();
        }
        if (!metadata.isObject()) {
            throw ApiException.invalid("metadata must be a JSON object");
        }
        String json = JsonFields.bounded("metadata (as compact JSON)", Json.write(metadata), limits.metadataBytes());
        return Json.readMap(json);
    }

    /** The key of an s3:// URI in the service's bucket, or null for anything else. */
    private String keyOf(String uri) {
        String prefix = "s3://" + bucket + "/";
        return uri.startsWith(prefix) ? uri.substring(prefix.length()) : null;
    }

    private HeadObjectResponse head(String uri, String key) {
        try {
            return s3.headObject(h -> h.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw notFound(uri);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw notFound(uri);
            }
            throw e;
        }
    }

    private static ApiException notFound(String uri) {
        return new ApiException(400, "source-not-found", uri + " does not exist");
    }
}
