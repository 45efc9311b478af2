package flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import testing.ApiClient;
import testing.LocalAwsTestResource;
import tracing.ImageSpans;

/**
 * One upload is one trace: from {@code POST /v1/uploads}, through the S3 event on SQS (the job's stored
 * trace context), to the object's download, the render stages, every variant's S3 write and the final
 * job update in DynamoDB, as an in-memory span exporter sees it.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class TracingTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void oneUploadIsOneTraceFromThePresignToTheLastJobUpdate() throws InterruptedException {
        String token = ApiClient.token("tracing-user");
        JsonPath job = ApiClient.upload(token, "photos/large-landscape-4032x3024.jpg", "image/jpeg");
        assertEquals("COMPLETED", job.getString("status"));
        String jobId = job.getString("jobId");

        SpanData process = await(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(ImageSpans.PROCESS))
                .filter(s -> jobId.equals(s.getAttributes().asMap().entrySet().stream()
                        .filter(e -> e.getKey().getKey().equals("image_pipeline.job.id")).map(e -> e.getValue())
                        .findFirst().orElse(null)))
                .findFirst());
        String traceId = process.getTraceId();
        SpanData presign = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().equals("POST /v1/uploads"))
                .filter(s -> s.getTraceId().equals(traceId)).findFirst()
                .orElseThrow(() -> new AssertionError("No POST /v1/uploads span in trace " + traceId + ": "
                        + names(spans.getFinishedSpanItems())));
        assertTrue(isAncestor(presign, process), "the image's work continues the upload's request");

        List<SpanData> trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId))
                .toList();
        Map<String, Long> counts = trace.stream().collect(Collectors.groupingBy(SpanData::getName,
                Collectors.counting()));
        assertEquals(1, counts.get("S3.GetObject"), () -> "spans: " + counts);
        assertEquals(6, counts.get("S3.PutObject"), () -> "one per variant: " + counts);
        assertEquals(1, counts.get(ImageSpans.RENDER), () -> "spans: " + counts);
        assertEquals(1, counts.get(ImageSpans.DECODE), () -> "spans: " + counts);
        assertEquals(6, counts.get(ImageSpans.SCALE), () -> "spans: " + counts);
        assertEquals(6, counts.get(ImageSpans.ENCODE), () -> "spans: " + counts);
        assertTrue(counts.getOrDefault("DynamoDb.UpdateItem", 0L) >= 2, () -> "claim and completion: " + counts);
        for (SpanData span : trace) {
            if (span.getName().startsWith("S3.") || span.getName().startsWith("image.")
                    && !span.getName().equals(ImageSpans.PROCESS)) {
                assertTrue(isAncestor(process, span), span.getName() + " is part of the image's work");
            }
        }
        SpanData lastUpdate = trace.stream().filter(s -> s.getName().equals("DynamoDb.UpdateItem"))
                .filter(s -> isAncestor(process, s)).max((a, b) -> Long.compare(a.getEndEpochNanos(),
                        b.getEndEpochNanos())).orElseThrow();
        assertTrue(lastUpdate.getEndEpochNanos() >= trace.stream().filter(s -> s.getName().equals("S3.PutObject"))
                .mapToLong(SpanData::getEndEpochNanos).max().orElseThrow(), "the job update follows the writes");
    }

    private boolean isAncestor(SpanData ancestor, SpanData span) {
        Map<String, SpanData> byId = spans.getFinishedSpanItems().stream()
                .collect(Collectors.toMap(SpanData::getSpanId, s -> s, (a, b) -> a));
        SpanData current = span;
        while (current != null && current.getParentSpanContext().isValid()) {
            if (current.getParentSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
            current = byId.get(current.getParentSpanId());
        }
        return false;
    }

    private static String names(List<SpanData> spans) {
        return spans.stream().map(s -> s.getName() + "@" + s.getTraceId()).distinct().limit(60)
                .collect(Collectors.joining(", "));
    }

    private static SpanData await(java.util.function.Supplier<Optional<SpanData>> find) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            Optional<SpanData> found = find.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No " + ImageSpans.PROCESS + " span within " + WITHIN);
            }
            Thread.sleep(200);
        }
    }
}
