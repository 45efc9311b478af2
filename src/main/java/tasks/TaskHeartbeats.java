package tasks;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jobs.ImageClaim;
import jobs.Job;
import jobs.JobEnded;
import org.apache.camel.Variable;
import org.jboss.logging.Logger;

/**
 * {@code SendTaskHeartbeat} for the tasks whose jobs this service instance has a hand in: once when it
 * accepts a task or first claims one of the task's images, and on a timer (the {@code task-heartbeats}
 * route, every {@code app.sfn.heartbeat-interval}) from then until the job ends. A state machine that sets
 * {@code HeartbeatSeconds} above that interval so learns within that time that the service is gone,
 * instead of waiting out the task's whole timeout. A task Step Functions has closed (answered, timed out)
 * is forgotten at its next beat, and remembered as closed (the last {@value #CLOSED_REMEMBERED} such tokens)
 * so that claiming another of its images does not start beating for it again. Heartbeats are best effort:
 * a failed one is logged and tried at the next tick. The first beat is sent from a thread of its own, so a
 * slow Step Functions never holds up a worker.
 */
@ApplicationScoped
@Named("taskHeartbeats")
public class TaskHeartbeats {

    private static final Logger LOG = Logger.getLogger(TaskHeartbeats.class);
    private static final int CLOSED_REMEMBERED = 1024;

    private final StepFunctions stepFunctions;
    /** Task token to job id, for every task this instance beats for. */
    private final Map<String, String> tasks = new ConcurrentHashMap<>();
    /** Tokens Step Functions answered as closed, oldest first. */
    private final Set<String> closed = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > CLOSED_REMEMBERED;
                }
            }));
    private final ExecutorService firstBeats = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "task-first-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public TaskHeartbeats(StepFunctions stepFunctions) {
        this.stepFunctions = stepFunctions;
    }

    /** A task accepted here: its job was created and its images queued. */
    public void started(@Variable("job") Job job, @Variable("taskToken") String token) {
        keep(token, job.jobId());
    }

    /** An image claimed here; its job may answer a task. */
    public void claimed(@Variable("claim") ImageClaim claim) {
        if (claim.taskToken() != null) {
            keep(claim.taskToken(), claim.jobId());
        }
    }

    /** One beat for every task still kept. */
    public void beatAll() {
        tasks.forEach(this::beat);
    }

    /** How many tasks this instance beats for. */
    public int count() {
        return tasks.size();
    }

    void onJobEnded(@Observes JobEnded ended) {
        if (ended.taskToken() != null) {
            tasks.remove(ended.taskToken());
        }
    }

    private void keep(String token, String jobId) {
        if (!closed.contains(token) && tasks.put(token, jobId) == null) {
            firstBeats.execute(() -> beat(token, jobId));
        }
    }

    @PreDestroy
    void stop() {
        firstBeats.shutdownNow();
    }

    private void beat(String token, String jobId) {
        try {
            if (stepFunctions.heartbeat(token) == StepFunctions.Answer.TASK_CLOSED) {
                closed.add(token);
                tasks.remove(token);
                LOG.infof("Job %s: Step Functions has closed its task; no more heartbeats", jobId);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Job %s: SendTaskHeartbeat failed (%s); trying again at the next tick", jobId, e.toString());
        }
    }
}
