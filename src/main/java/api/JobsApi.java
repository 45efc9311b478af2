package api;

import aws.ObjectUrls;
import imaging.Preset;
import imaging.VariantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jobs.ImageRecord;
import jobs.Job;
import jobs.JobListing;
import jobs.JobStore;
import jobs.PageKey;
import jobs.VariantRecord;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pipeline.Presets;
import support.Json;
import support.Ulid;

/**
 * The job reads of the API, through the job store: one job ({@code GET /v1/jobs/{jobId}}) and the
 * caller's jobs, newest first ({@code GET /v1/jobs}).
 */
@ApplicationScoped
@Named("jobsApi")
public class JobsApi {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    /** A cursor holds an owner id (at most 341 characters), a job id and a time: about 560 characters. */
    private static final int MAX_CURSOR_LENGTH = 1024;
    private static final Set<String> CURSOR_FIELDS = Set.of("owner", "jobId", "createdAt");

    private final JobStore jobs;
    private final ObjectUrls urls;
    private final Presets presets;
    private final String bucket;

    public JobsApi(JobStore jobs, ObjectUrls urls, Presets presets, @ConfigProperty(name = "app.s3.bucket") String bucket) {
        this.jobs = jobs;
        this.urls = urls;
        this.presets = presets;
        this.bucket = bucket;
    }

    /**
     * The owner's job with download URLs. A missing job and another user's job get the same 404, so ids
     * cannot be probed.
     *
     * @throws ApiException 400 {@code invalid-request} for an id that is not a ULID (26 characters of
     *         Crockford base32), 404 {@code not-found} for a well-formed one that is not the owner's
     */
    public Job view(@Variable("owner") String owner, @Header("jobId") String jobId) {
        String id = Ulid.canonical(jobId).orElseThrow(() -> ApiException.invalid(
                "jobId must be a job id as POST /v1/uploads or /v1/jobs returned it: 26 characters of Crockford base32"));
        Job job = jobs.find(id).filter(j -> j.owner().equals(owner))
                .orElseThrow(() -> ApiException.notFound("No job " + id));
        List<VariantSpec> specs = presets.find(job.preset()).map(Preset::variants).orElse(List.of());
        return job.withImages(job.images().stream().map(image -> withUrls(image, specs)).toList());
    }

    /**
     * One page of the owner's jobs, newest first, after the given cursor.
     *
     * @throws ApiException 400 {@code invalid-request} for a limit outside 1-100 or a cursor this API did not
     *         return to this owner
     */
    public JobPage list(@Variable("owner") String owner, @Header("limit") String limit,
            @Header("cursor") String cursor) {
        Optional<PageKey> after = cursor == null || cursor.isBlank() ? Optional.empty()
                : Optional.of(pageKey(cursor, owner));
        JobListing listing = jobs.list(owner, limit(limit), after);
        return new JobPage(listing.items(), listing.next() == null ? null : cursor(owner, listing.next()));
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** The cursor is where the page ended, base64url JSON naming its owner; opaque to clients. */
    private static String cursor(String owner, PageKey last) {
        String json = Json.write(Map.of("owner", owner, "jobId", last.jobId(), "createdAt", last.createdAt().toString()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor this API returned to this caller, or 400: wrong encoding, shape or owner. */
    private static PageKey pageKey(String cursor, String owner) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw badCursor();
        }
        Map<String, Object> fields;
        try {
            fields = Json.readMap(new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw badCursor();
        }
        if (fields == null || !fields.keySet().equals(CURSOR_FIELDS) || !owner.equals(fields.get("owner"))
                || !(fields.get("jobId") instanceof String jobId) || !jobId.equals(Ulid.canonical(jobId).orElse(null))
                || !(fields.get("createdAt") instanceof String createdAt)) {
            throw badCursor();
        }
        try {
            return new PageKey(jobId, Instant.parse(createdAt));
        } catch (DateTimeParseException e) {
            throw badCursor();
        }
    }

    private static ApiException badCursor() {
        return ApiException.invalid("cursor is not one this API returned for your jobs; pass nextCursor as it is");
    }

    private ImageRecord withUrls(ImageRecord image, List<VariantSpec> specs) {
        if (image.variants() == null) {
            return image;
        }
        List<VariantRecord> served = image.variants().stream().map(v -> v.withUrl(urls.download(bucket, v.key()))).toList();
        return image.withVariants(served).withSrcset(Srcsets.of(specs, served));
    }
}
