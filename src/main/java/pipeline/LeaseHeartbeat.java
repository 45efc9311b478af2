package pipeline;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jobs.ImageClaim;
import jobs.JobStore;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the leases of the images this service is working on alive: every third of the lease period each
 * one is renewed (on the condition that it still carries its claim's token), until the exchange working
 * on it completes. A render slower than the lease so keeps its image; a worker that dies stops renewing,
 * and its image is taken over once the lease lapses. (The SQS message's visibility is extended alongside
 * by the aws2-sqs consumer, see pipeline.yaml.)
 */
@ApplicationScoped
public class LeaseHeartbeat {

    private static final Logger LOG = Logger.getLogger(LeaseHeartbeat.class);

    private final JobStore jobs;
    private final Map<String, ImageClaim> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    public LeaseHeartbeat(JobStore jobs, @ConfigProperty(name = "app.pipeline.lease") Duration lease) {
        this.jobs = jobs;
        long period = Math.max(100, lease.toMillis() / 3);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lease-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::renewAll, period, period, TimeUnit.MILLISECONDS);
    }

    /** Renews the claim's lease until the exchange completes, successfully or not. */
    public void keep(ImageClaim claim, Exchange exchange) {
        held.put(claim.leaseToken(), claim);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                held.remove(claim.leaseToken());
            }
        });
    }

    /** Whether the claim's lease is still kept: false once a renewal was refused (another worker holds it). */
    public boolean keeps(ImageClaim claim) {
        return held.containsKey(claim.leaseToken());
    }

    /** Stops renewing the claim's lease: its image is about to end (a renewal after that would be refused). */
    public void release(ImageClaim claim) {
        held.remove(claim.leaseToken());
    }

    private void renewAll() {
        for (ImageClaim claim : held.values()) {
            try {
                // a claim released while its renewal was under way ended its image: nothing was lost
                if (!jobs.renew(claim) && held.remove(claim.leaseToken()) != null) {
                    LOG.warnf("Lost the lease on image %d of job %s: another worker took it over",
                            claim.ref().index(), claim.jobId());
                }
            } catch (RuntimeException e) {
                LOG.warnf("Could not renew the lease on image %d of job %s (%s); trying again", claim.ref().index(),
                        claim.jobId(), e.toString());
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
