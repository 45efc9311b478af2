package infra;

import java.util.List;

/**
 * The service's metrics as CloudWatch sees them: one place for the names the alarms use.
 *
 * <p>Assumption (the service publishes Prometheus metrics, not CloudWatch ones): the operator's
 * Prometheus-to-CloudWatch pipe (the CloudWatch agent's Prometheus scraping with an EMF
 * {@code metric_declaration}, or the ADOT collector's {@code awsemf} exporter) publishes into namespace
 * {@value #NAMESPACE}, keeping the Prometheus metric names:
 * <ul>
 *   <li>{@value #IMAGES} (counter, sent as the count per period) with dimension sets
 *       {@code [outcome, code]} and {@code []} (the rolled-up total of all images);</li>
 *   <li>{@value #RENDER_SECONDS} (histogram, seconds) as a distribution, so that CloudWatch computes
 *       {@code p95} over it.</li>
 * </ul>
 * The README's Deploy section shows a CloudWatch agent declaration that does this.
 */
public final class PipelineMetrics {

    public static final String NAMESPACE = "ImagePipeline";
    /** Prometheus {@code image_pipeline_images_total{outcome,code}}: images that ended, by outcome and code. */
    public static final String IMAGES = "image_pipeline_images_total";
    /** Prometheus {@code image_pipeline_render_seconds}: time to render one image's variants. */
    public static final String RENDER_SECONDS = "image_pipeline_render_seconds";
    public static final String OUTCOME = "outcome";
    public static final String CODE = "code";
    public static final String FAILED = "failed";

    /** Image error codes of api-v1 ({@code images[].error.code}) plus {@code upload-expired}. */
    public static final List<String> CODES = List.of("not-an-image", "unsupported-format", "truncated", "corrupt",
            "too-large", "too-many-pixels", "too-complex", "moderated", "internal", "upload-expired");

    private PipelineMetrics() {
    }
}
