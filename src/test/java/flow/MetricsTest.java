package flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import testing.ApiClient;
import testing.LocalAwsTestResource;
import testing.Scrape;

/**
 * After uploads through the whole path, {@code /q/metrics} shows the pipeline's counters, timers and
 * gauges with the labels the alarms in {@code infra/} (infra.PipelineMetrics) and the README name.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class MetricsTest {

    private static final Map<String, String> COMPLETED = Map.of("outcome", "completed", "code", "none");
    private static final Map<String, String> TRUNCATED = Map.of("outcome", "failed", "code", "truncated");

    @Test
    void oneUploadShowsItsOutcomeStagesBytesAndTimes() {
        String token = ApiClient.token("metrics-user");
        Scrape before = Scrape.now();

        JsonPath done = ApiClient.upload(token, "photos/large-landscape-4032x3024.jpg", "image/jpeg");
        assertEquals("COMPLETED", done.getString("status"));
        JsonPath failed = ApiClient.upload(token, "bad/truncated.jpg", "image/jpeg");
        assertEquals("truncated", failed.getString("images[0].error.code"));

        Scrape after = Scrape.now();
        assertEquals(1, increase(before, after, "image_pipeline_images_total", COMPLETED));
        assertEquals(1, increase(before, after, "image_pipeline_images_total", TRUNCATED));
        assertEquals(Set.of("outcome", "code"), after.samples("image_pipeline_images_total", Map.of()).get(0).labels()
                .keySet(), "the labels infra's alarms select on, and no others");

        assertEquals(1, increase(before, after, "image_pipeline_render_seconds_count", Map.of()));
        assertTrue(after.value("image_pipeline_render_seconds_sum", Map.of()) > 0);
        assertFalse(after.samples("image_pipeline_render_seconds_bucket", Map.of()).isEmpty(),
                "a histogram: CloudWatch and Prometheus take the p95 from its buckets");
        assertEquals(1, increase(before, after, "image_pipeline_renders_total",
                Map.of("preset", "default", "format", "jpeg")));

        assertEquals(1, increase(before, after, "image_pipeline_end_to_end_seconds_count", Map.of()));
        // both were downloaded; the truncated one failed while decoding, and a stage is timed when it ends
        // well; the photo's 6 variants of the default preset, 4 JPEG and 2 WebP, were each scaled,
        // encoded and uploaded
        assertEquals(2, increase(before, after, "image_pipeline_stage_seconds_count", Map.of("stage", "download")));
        assertEquals(1, increase(before, after, "image_pipeline_stage_seconds_count", Map.of("stage", "decode")));
        assertEquals(6, increase(before, after, "image_pipeline_stage_seconds_count", Map.of("stage", "scale")));
        assertEquals(6, increase(before, after, "image_pipeline_stage_seconds_count", Map.of("stage", "upload")));
        assertEquals(4, increase(before, after, "image_pipeline_encode_seconds_count", Map.of("format", "jpeg")));
        assertEquals(2, increase(before, after, "image_pipeline_encode_seconds_count", Map.of("format", "webp")));

        assertEquals(1, increase(before, after, "image_pipeline_source_bytes_count", Map.of()));
        assertTrue(increase(before, after, "image_pipeline_variant_bytes_sum", Map.of("format", "webp")) > 0);
        assertEquals(0, after.value("image_pipeline_decode_heap_reserved_bytes", Map.of()), "nothing renders any more");

        Set<String> queues = after.samples("image_pipeline_queue_messages", Map.of()).stream()
                .map(s -> s.labels().get("queue") + "/" + s.labels().get("state")).collect(Collectors.toSet());
        assertEquals(Set.of("ingest/visible", "ingest/in-flight", "ingest/delayed", "dead-letter/visible",
                "dead-letter/in-flight", "dead-letter/delayed"), queues);

        assertTrue(after.value("http_server_requests_seconds_count", Map.of("method", "POST", "uri", "/v1/uploads",
                "status", "201")) >= 2, "HTTP server metrics, by route");
        assertTrue(after.samples("http_server_requests_seconds_count", Map.of()).stream()
                .noneMatch(s -> s.labels().get("uri").matches("/v1/jobs/[0-9A-Za-z]{10,}")),
                "a job id is never a label value");
    }

    private static double increase(Scrape before, Scrape after, String name, Map<String, String> labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
