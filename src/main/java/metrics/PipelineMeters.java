package metrics;

import imaging.OutputFormat;
import imaging.RenderedVariant;
import imaging.Rendition;
import imaging.StageListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import pipeline.Engine;

/**
 * The pipeline's own meters, in Micrometer naming (dots; Prometheus shows them with underscores, counters
 * with {@code _total}, timers in {@code _seconds}). Labels are bounded sets only: outcome, code, stage,
 * preset, format, queue. Never a job id or key. The names {@value #IMAGES} and {@value #RENDER} are the
 * ones the alarms in {@code infra/} read ({@code infra.PipelineMetrics}): change both together.
 *
 * <ul>
 *   <li>{@code image_pipeline_images_total{outcome,code}}: images that ended, {@code outcome} completed or
 *       failed, {@code code} the api-v1 error code ({@value #NO_CODE} when completed);</li>
 *   <li>{@code image_pipeline_render_seconds}: the engine's time for one image (decode to last encode), a
 *       histogram;</li>
 *   <li>{@code image_pipeline_stage_seconds{stage}}: download, decode, scale (per variant), upload (per
 *       variant);</li>
 *   <li>{@code image_pipeline_encode_seconds{format}}: one variant's encoding, per output format;</li>
 *   <li>{@code image_pipeline_end_to_end_seconds}: from the S3 event's message entering SQS to the image's
 *       COMPLETED record;</li>
 *   <li>{@code image_pipeline_renders_total{preset,format}}: images rendered, by preset and source format;</li>
 *   <li>{@code image_pipeline_source_bytes} and {@code image_pipeline_variant_bytes{format}}: sizes read
 *       and written (summaries: count and sum);</li>
 *   <li>{@code image_pipeline_decode_heap_reserved_bytes}: the decode heap budget reserved by the images
 *       rendering now.</li>
 * </ul>
 */
@Singleton
public class PipelineMeters {

    public static final String IMAGES = "image.pipeline.images";
    public static final String RENDER = "image.pipeline.render";
    public static final String STAGE = "image.pipeline.stage";
    public static final String ENCODE = "image.pipeline.encode";
    public static final String END_TO_END = "image.pipeline.end.to.end";
    public static final String RENDERS = "image.pipeline.renders";
    public static final String SOURCE_BYTES = "image.pipeline.source";
    public static final String VARIANT_BYTES = "image.pipeline.variant";
    public static final String HEAP_RESERVED = "image.pipeline.decode.heap.reserved";

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    /** The code of a completed image: Prometheus wants every series of a name to carry the same labels. */
    public static final String NO_CODE = "none";

    /** The stages timed outside the engine. */
    public enum Stage {
        DOWNLOAD, DECODE, SCALE, UPLOAD;

        String tag() {
            return name().toLowerCase();
        }
    }

    private final MeterRegistry registry;
    private final Timer render;

    public PipelineMeters(MeterRegistry registry, Engine engine) {
        this.registry = registry;
        // Seconds to minutes: a photo renders in a fraction of a second, the largest allowed in tens.
        this.render = Timer.builder(RENDER).description("Time to render one image's variants (decode to last encode)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(2)).register(registry);
        Timer.builder(END_TO_END).description("From the S3 event entering the queue to the image's COMPLETED record")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofMinutes(15)).register(registry);
        Gauge.builder(HEAP_RESERVED, engine, Engine::heapReserved)
                .description("The decode heap budget reserved by the images rendering now").baseUnit("bytes")
                .register(registry);
        for (Stage stage : Stage.values()) {
            stage(stage);
        }
    }

    /** Counts an image that ended COMPLETED. */
    public void completed() {
        images(COMPLETED, NO_CODE).increment();
    }

    /** Counts an image that ended FAILED with this api-v1 error code. */
    public void failed(String code) {
        images(FAILED, code).increment();
    }

    /** Records one image's rendering: its time, the preset and source format, the bytes read and written. */
    public void rendered(String preset, Rendition rendition, long sourceBytes, long nanos) {
        render.record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder(RENDERS).description("Images rendered, by preset and source format")
                .tag("preset", preset).tag("format", rendition.format().id()).register(registry).increment();
        DistributionSummary.builder(SOURCE_BYTES).description("Sizes of the sources read").baseUnit("bytes")
                .register(registry).record(sourceBytes);
        for (RenderedVariant variant : rendition.variants()) {
            DistributionSummary.builder(VARIANT_BYTES).description("Sizes of the variants written").baseUnit("bytes")
                    .tag("format", variant.format().id()).register(registry).record(variant.bytes().length);
        }
    }

    /** Records a stage timed outside the engine (a download, an upload). */
    public void stage(Stage stage, long nanos) {
        stage(stage).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Records the time from when the image's S3 event was queued until now, its end. */
    public void endToEnd(Instant queuedAt) {
        Duration taken = Duration.between(queuedAt, Instant.now());
        if (!taken.isNegative()) {
            registry.timer(END_TO_END).record(taken);
        }
    }

    /** The engine's stages as timers. */
    public StageListener engineStages() {
        return new StageListener() {
            @Override
            public void decoded(long nanos) {
                stage(Stage.DECODE, nanos);
            }

            @Override
            public void scaled(long nanos) {
                stage(Stage.SCALE, nanos);
            }

            @Override
            public void encoded(OutputFormat format, long nanos) {
                Timer.builder(ENCODE).description("One variant's encoding, per output format")
                        .tag("format", format.id()).register(registry).record(nanos, TimeUnit.NANOSECONDS);
            }
        };
    }

    private Counter images(String outcome, String code) {
        return Counter.builder(IMAGES).description("Images that ended, by outcome and error code")
                .tag("outcome", outcome).tag("code", code).register(registry);
    }

    private Timer stage(Stage stage) {
        return Timer.builder(STAGE).description("Time per pipeline stage").tag("stage", stage.tag()).register(registry);
    }
}
