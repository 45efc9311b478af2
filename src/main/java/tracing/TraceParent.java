package tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A trace context as the W3C {@code traceparent} text ({@code 00-<trace id>-<span id>-<flags>}), the form in
 * which it travels where no live context can: on the job's record (from the presign to the pipeline) and in
 * SQS message attributes. The rule is W3C Trace Context, level 1.
 */
public final class TraceParent {

    /** The header and message attribute name of the W3C rule. */
    public static final String NAME = "traceparent";

    private static final TextMapGetter<Map<String, ?>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, ?> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, ?> carrier, String key) {
            Object value = carrier == null ? null : carrier.get(key);
            return value == null ? null : value.toString();
        }
    };

    private TraceParent() {
    }

    /** The current span's context as {@code traceparent}; empty when there is no valid span. */
    public static Optional<String> current() {
        return of(Context.current());
    }

    /** The context's span as {@code traceparent}; empty when it has no valid span. */
    public static Optional<String> of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return Optional.ofNullable(carrier.get(NAME));
    }

    /** The remote span context a {@code traceparent} names; invalid when the text is absent or malformed. */
    public static SpanContext parse(String traceparent) {
        return traceparent == null ? SpanContext.getInvalid() : spanContext(Map.of(NAME, traceparent));
    }

    /** The remote span context in a carrier of headers (e.g. a message's attributes); invalid when none. */
    public static SpanContext spanContext(Map<String, ?> headers) {
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MAP);
        return Span.fromContext(extracted).getSpanContext();
    }
}
