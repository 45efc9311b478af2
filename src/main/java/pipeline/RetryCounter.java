package pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jobs.ImageClaim;
import jobs.JobStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

/**
 * Counts each retry of a failed step in the claimed image's {@code attempts} (Camel calls it before every
 * redelivery, see error-handling.yaml), so the record shows how often an image was worked on. A count
 * that cannot be written (the table may be what is failing) is skipped: it must not stop the retry.
 */
@ApplicationScoped
@Named("retryCounter")
public class RetryCounter implements Processor {

    private static final Logger LOG = Logger.getLogger(RetryCounter.class);

    private final JobStore jobs;

    public RetryCounter(JobStore jobs) {
        this.jobs = jobs;
    }

    @Override
    public void process(Exchange exchange) {
        ImageClaim claim = exchange.getVariable(ImagePipeline.CLAIM, ImageClaim.class);
        if (claim == null) {
            return;
        }
        try {
            jobs.retried(claim);
        } catch (RuntimeException e) {
            LOG.debugf("Could not count a retry of image %d of job %s: %s", claim.ref().index(), claim.jobId(), e);
        }
    }
}
