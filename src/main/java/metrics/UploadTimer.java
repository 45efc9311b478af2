package metrics;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Times the upload stage: every variant the routes write with the aws2-s3 producer ({@code put-variants}),
 * as Camel reports each send to an endpoint. Camel Main adds event notifier beans to the context at start.
 */
@Singleton
@Named("uploadTimer")
public class UploadTimer extends EventNotifierSupport {

    private final PipelineMeters meters;

    public UploadTimer(PipelineMeters meters) {
        this.meters = meters;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    /** Both the sending and the sent event: Camel only starts the send's stop watch when one takes the first. */
    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSendingEvent sending && isVariantWrite(sending.getEndpoint().getEndpointUri())
                || event instanceof ExchangeSentEvent sent && isVariantWrite(sent.getEndpoint().getEndpointUri());
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSentEvent sent) {
            meters.stage(PipelineMeters.Stage.UPLOAD, TimeUnit.MILLISECONDS.toNanos(sent.getTimeTaken()));
        }
    }

    /** The put-variants endpoint: aws2-s3 with the default operation (a put); not a getObject. */
    static boolean isVariantWrite(String uri) {
        return uri.startsWith("aws2-s3:") && !uri.contains("operation=");
    }
}
