package api;

import aws.ObjectUrls;
import imaging.Preset;
import imaging.VariantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import jobs.ImageRecord;
import jobs.Job;
import jobs.JobItems;
import jobs.VariantRecord;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pipeline.Presets;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import support.Json;

/**
 * The job reads of the API: one job ({@code GET /v1/jobs/{jobId}}) and the caller's jobs, newest first
 * ({@code GET /v1/jobs}), read by the routes with aws2-ddb GetItem and Query.
 */
@ApplicationScoped
@Named("jobsApi")
public class JobsApi {

    /** The exchange property holding a job being created, for the route that stores it. */
    public static final String JOB = "job";
    /** The table's index of jobs by owner and creation time. */
    public static final String OWNER_INDEX = "owner-createdAt";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final ObjectUrls urls;
    private final Presets presets;
    private final String bucket;

    public JobsApi(ObjectUrls urls, Presets presets, @ConfigProperty(name = "app.s3.bucket") String bucket) {
        this.urls = urls;
        this.presets = presets;
        this.bucket = bucket;
    }

    public Map<String, AttributeValue> key(String jobId) {
        return JobItems.key(jobId);
    }

    public Map<String, AttributeValue> item(Job job) {
        return JobItems.toItem(job);
    }

    /**
     * The job read by the route (the item in {@code CamelAwsDdbAttributes}), with download URLs. A missing
     * job and another user's job get the same 404, so ids cannot be probed.
     */
    public Job view(Exchange exchange, Map<String, AttributeValue> item) {
        String owner = Caller.owner(exchange);
        String jobId = exchange.getMessage().getHeader("jobId", String.class);
        if (item == null || item.isEmpty()) {
            throw ApiException.notFound("No job " + jobId);
        }
        Job job = JobItems.fromItem(item);
        if (!job.owner().equals(owner)) {
            throw ApiException.notFound("No job " + jobId);
        }
        List<VariantSpec> specs = presets.find(job.preset()).map(Preset::variants).orElse(List.of());
        return job.withImages(job.images().stream().map(image -> withUrls(image, specs)).toList());
    }

    /**
     * Sets the aws2-ddb Query headers for one page of the caller's jobs. One more item than the page is
     * asked for, so the last page is known to be the last.
     */
    public void listQuery(Exchange exchange) {
        Message message = exchange.getMessage();
        String owner = Caller.owner(exchange);
        int limit = limit(message.getHeader("limit", String.class));
        message.setHeader("CamelAwsDdbIndexName", OWNER_INDEX);
        message.setHeader("CamelAwsDdbKeyConditions", Map.of("owner", Condition.builder()
                .comparisonOperator(ComparisonOperator.EQ).attributeValueList(AttributeValue.fromS(owner)).build()));
        message.setHeader("CamelAwsDdbScanIndexForward", false);
        message.setHeader("CamelAwsDdbLimit", limit + 1);
        String cursor = message.getHeader("cursor", String.class);
        if (cursor != null && !cursor.isBlank()) {
            message.setHeader("CamelAwsDdbStartKey", startKey(cursor, owner));
        }
        exchange.setProperty("limit", limit);
    }

    /** The page body from the Query result ({@code CamelAwsDdbItems}). */
    public JobPage page(Exchange exchange, List<Map<String, AttributeValue>> items) {
        int limit = exchange.getProperty("limit", Integer.class);
        List<Job> jobs = items.stream().limit(limit).map(JobItems::fromItem).toList();
        return new JobPage(jobs.stream().map(job -> new JobPage.Summary(job.jobId(), job.status(),
                job.images().size(), job.createdAt(), job.updatedAt())).toList(),
                items.size() > limit ? cursor(jobs.get(jobs.size() - 1)) : null);
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

    /** The cursor is the last item's index key, base64url JSON; opaque to clients. */
    private static String cursor(Job last) {
        String json = Json.write(Map.of("jobId", last.jobId(), "owner", last.owner(),
                "createdAt", last.createdAt().toString()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> startKey(String cursor, String owner) {
        Map<String, Object> key;
        try {
            key = Json.readMap(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw ApiException.invalid("cursor is not one this API returned");
        }
        if (!owner.equals(key.get("owner")) || !(key.get("jobId") instanceof String jobId)
                || !(key.get("createdAt") instanceof String createdAt)) {
            throw ApiException.invalid("cursor is not one this API returned");
        }
        return Map.of("jobId", AttributeValue.fromS(jobId), "owner", AttributeValue.fromS(owner),
                "createdAt", AttributeValue.fromS(createdAt));
    }

    private ImageRecord withUrls(ImageRecord image, List<VariantSpec> specs) {
        if (image.variants() == null) {
            return image;
        }
        List<VariantRecord> served = image.variants().stream().map(v -> v.withUrl(urls.download(bucket, v.key()))).toList();
        return image.withVariants(served).withSrcset(Srcsets.of(specs, served));
    }
}
