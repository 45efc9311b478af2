package pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.jboss.logging.MDC;

/**
 * The log context of the image an exchange works on: {@value #JOB_ID} and {@value #IMAGE_KEY} in the MDC
 * of the worker's thread from the moment the image is known until its exchange is done, so every pipeline
 * line carries them (JSON logs: the {@code mdc} object; text logs: the console format). The trace and span
 * ids come from OpenTelemetry's own MDC entries ({@code traceId}, {@code spanId}).
 */
final class ImageLogContext {

    static final String JOB_ID = "jobId";
    static final String IMAGE_KEY = "imageKey";

    private ImageLogContext() {
    }

    /** Puts the image in the MDC until the exchange is done; a null job id (not an upload key) is left out. */
    static void open(Exchange exchange, String jobId, String imageKey) {
        if (jobId != null) {
            MDC.put(JOB_ID, jobId);
        }
        MDC.put(IMAGE_KEY, imageKey);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                MDC.remove(JOB_ID);
                MDC.remove(IMAGE_KEY);
            }
        });
    }
}
