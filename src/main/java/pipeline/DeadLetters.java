package pipeline;

import aws.S3EventNotifications;
import aws.S3ObjectCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import jobs.ImageClaim;
import jobs.ImageError;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Variable;

/**
 * Readies a message that ran out of retries for the dead-letter queue: its image ends FAILED
 * {@code internal}, the body becomes a replayable S3 event (or the original text when it was never one),
 * and the failure travels as message attributes.
 */
@ApplicationScoped
@Named("deadLetters")
public class DeadLetters {

    private static final int MAX_REASON = 1000;

    private final ImagePipeline pipeline;
    private final S3EventNotifications events;

    public DeadLetters(ImagePipeline pipeline, S3EventNotifications events) {
        this.pipeline = pipeline;
        this.events = events;
    }

    public void prepare(Exchange exchange, @Variable(ImagePipeline.CLAIM) ImageClaim claim) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "unknown" : cause.getClass().getName() + ": " + cause.getMessage();
        reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        Message message = exchange.getMessage();
        Object body = message.getBody();
        pipeline.fail(claim, body instanceof S3ObjectCreated upload ? upload : null,
                new ImageError("internal", "Processing failed after all retries: " + reason));

        String payload = body instanceof S3ObjectCreated upload
                ? events.objectCreated(upload, Instant.now())
                : message.getBody(String.class);
        // Camel's own headers stay (the SQS consumer deletes the message by its receipt handle); they
        // never become message attributes. Anything else would.
        message.removeHeaders("*", "Camel*");
        message.setHeader("failureReason", reason);
        message.setHeader("failureRoute", exchange.getProperty(ExchangePropertyKey.FAILURE_ROUTE_ID,
                exchange.getFromRouteId(), String.class));
        message.setHeader("failedAt", Instant.now().toString());
        message.setBody(payload);
    }
}
