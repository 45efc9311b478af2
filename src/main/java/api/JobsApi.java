package api;

import aws.ObjectUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Map;
import jobs.ImageRecord;
import jobs.Job;
import jobs.JobItems;
import org.apache.camel.Exchange;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code GET /v1/jobs/{jobId}}: the stored job as the caller may see it. */
@ApplicationScoped
@Named("jobsApi")
public class JobsApi {

    private final ObjectUrls urls;
    private final String bucket;

    public JobsApi(ObjectUrls urls, @ConfigProperty(name = "app.s3.bucket") String bucket) {
        this.urls = urls;
        this.bucket = bucket;
    }

    public Map<String, AttributeValue> key(String jobId) {
        return JobItems.key(jobId);
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
        return job.withImages(job.images().stream().map(this::withUrls).toList());
    }

    private ImageRecord withUrls(ImageRecord image) {
        if (image.variants() == null) {
            return image;
        }
        return image.withVariants(image.variants().stream()
                .map(v -> v.withUrl(urls.download(bucket, v.key()))).toList());
    }
}
