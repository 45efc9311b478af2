package pipeline;

import aws.S3EventNotifications;
import aws.S3ObjectCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Map;
import jobs.ImageClaim;
import jobs.ImageError;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Variable;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.apache.camel.component.aws2.sqs.Sqs2MessageHelper;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Readies a message that ran out of retries for the dead-letter queue: its image ends FAILED
 * {@code internal}, the body becomes a replayable S3 event (or the original text when it was never one),
 * and the message keeps every attribute it came with (an upload-expiry check stays one), plus the failure's
 * {@value #REASON}, {@value #ROUTE} and {@value #FAILED_AT}.
 */
@ApplicationScoped
@Named("deadLetters")
public class DeadLetters {

    public static final String REASON = "failureReason";
    public static final String ROUTE = "failureRoute";
    public static final String FAILED_AT = "failedAt";
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
        @SuppressWarnings("unchecked")
        Map<String, MessageAttributeValue> attributes = message.getHeader(Sqs2Constants.MESSAGE_ATTRIBUTES, Map.class);
        // Camel's own headers stay (the SQS consumer deletes the message by its receipt handle) and never
        // become message attributes; every other header would, so only the message's own attributes are
        // put back.
        message.removeHeaders("*", "Camel*");
        if (attributes != null) {
            attributes.forEach((name, value) -> message.setHeader(name, Sqs2MessageHelper.fromMessageAttributeValue(value)));
        }
        message.setHeader(REASON, reason);
        message.setHeader(ROUTE, exchange.getProperty(ExchangePropertyKey.FAILURE_ROUTE_ID,
                exchange.getFromRouteId(), String.class));
        message.setHeader(FAILED_AT, Instant.now().toString());
        message.setBody(payload);
    }
}
