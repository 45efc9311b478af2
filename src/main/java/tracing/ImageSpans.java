package tracing;

import imaging.OutputFormat;
import imaging.StageListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jobs.ImageClaim;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The pipeline's own spans. One image's work is the span {@value #PROCESS}, a child of the request that
 * created its job (the {@code traceparent} stored on the job's header: the S3 event cannot carry it), and
 * linked to the trace context the SQS message carried, if any (events a batch job sent). It is current on
 * the worker's thread until the exchange is done, so the AWS SDK's client spans (S3 get and puts, the
 * DynamoDB updates) fall under it; {@value #RENDER} and its stages {@value #DECODE}, {@value #SCALE} and
 * {@value #ENCODE} are recorded from the engine's stage times.
 */
@Singleton
public class ImageSpans {

    public static final String PROCESS = "image.process";
    public static final String RENDER = "image.render";
    public static final String DECODE = "image.decode";
    public static final String SCALE = "image.scale";
    public static final String ENCODE = "image.encode";

    private static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("image_pipeline.job.id");
    private static final AttributeKey<Long> IMAGE_INDEX = AttributeKey.longKey("image_pipeline.image.index");
    private static final AttributeKey<String> PRESET = AttributeKey.stringKey("image_pipeline.preset");
    private static final AttributeKey<String> FORMAT = AttributeKey.stringKey("image_pipeline.format");

    private final Tracer tracer;

    public ImageSpans(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer("image-pipeline");
    }

    /**
     * Starts the claimed image's span, current on this thread until the exchange is done; it ends then, in
     * error when the exchange failed or its failure was handled.
     */
    public void process(ImageClaim claim, Map<String, Object> messageHeaders, Exchange exchange) {
        SpanBuilder builder = tracer.spanBuilder(PROCESS).setSpanKind(SpanKind.CONSUMER)
                .setAttribute(JOB_ID, claim.jobId()).setAttribute(IMAGE_INDEX, (long) claim.ref().index())
                .setAttribute(PRESET, claim.preset()).setAttribute("messaging.system", "aws_sqs");
        SpanContext job = TraceParent.parse(claim.traceparent());
        builder.setParent(job.isValid() ? Context.root().with(Span.wrap(job)) : Context.current());
        SpanContext message = TraceParent.spanContext(messageHeaders);
        if (message.isValid() && !message.equals(job)) {
            builder.addLink(message);
        }
        Span span = builder.startSpan();
        Scope scope = span.makeCurrent();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                Throwable failure = done.getException() != null ? done.getException()
                        : done.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
                if (failure != null) {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                }
                scope.close();
                span.end();
            }
        });
    }

    /**
     * Opens the span {@value #RENDER}, current until closed; the stages the returned listener hears become
     * its child spans, and are passed on to {@code also}.
     */
    public Render render(StageListener also) {
        Span span = tracer.spanBuilder(RENDER).startSpan();
        Scope scope = span.makeCurrent();
        return new Render(stages(Context.current(), also), () -> {
            scope.close();
            span.end();
        });
    }

    /** An open render span: the listener to hand the engine, and the closing that ends the span. */
    public record Render(StageListener stages, Runnable end) implements AutoCloseable {
        @Override
        public void close() {
            end.run();
        }
    }

    private StageListener stages(Context parent, StageListener also) {
        return new StageListener() {
            @Override
            public void decoded(long nanos) {
                also.decoded(nanos);
                record(nanos, tracer.spanBuilder(DECODE));
            }

            @Override
            public void scaled(long nanos) {
                also.scaled(nanos);
                record(nanos, tracer.spanBuilder(SCALE));
            }

            @Override
            public void encoded(OutputFormat format, long nanos) {
                also.encoded(format, nanos);
                record(nanos, tracer.spanBuilder(ENCODE).setAttribute(FORMAT, format.id()));
            }

            /** A stage that has just ended, as a span from when it began until now. */
            private void record(long nanos, SpanBuilder builder) {
                Instant end = Instant.now();
                long endNanos = TimeUnit.SECONDS.toNanos(end.getEpochSecond()) + end.getNano();
                builder.setParent(parent).setStartTimestamp(endNanos - nanos, TimeUnit.NANOSECONDS).startSpan()
                        .end(endNanos, TimeUnit.NANOSECONDS);
            }
        };
    }
}
