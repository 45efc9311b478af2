package tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jobs.Job;
import jobs.JobEnded;
import jobs.SourceObject;
import jobs.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import testing.StepFunctionsStandIn;

/** Heartbeats over the Step Functions protocol (the test stand-in), without the rest of the service. */
class TaskHeartbeatsTest {

    private StepFunctionsStandIn standIn;
    private SfnClient sfn;
    private TaskHeartbeats heartbeats;

    @BeforeEach
    void start() {
        standIn = StepFunctionsStandIn.start();
        sfn = SfnClient.builder().region(Region.EU_WEST_1).endpointOverride(URI.create(standIn.url()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        heartbeats = new TaskHeartbeats(new StepFunctions(sfn));
    }

    @AfterEach
    void stop() {
        heartbeats.stop();
        sfn.close();
        standIn.close();
    }

    @Test
    void aStartedTaskIsBeatenForAtOnceAndAtEachTickUntilItsJobEnds() {
        Job job = job();
        heartbeats.started(job, "token-1");
        standIn.await("token-1", c -> c.operation().equals("SendTaskHeartbeat"), Duration.ofSeconds(10));
        heartbeats.beatAll();
        heartbeats.beatAll();
        assertEquals(3, standIn.calls("token-1").size());

        heartbeats.onJobEnded(new JobEnded(job.jobId(), Status.COMPLETED, "token-1"));
        heartbeats.beatAll();
        assertEquals(3, standIn.calls("token-1").size(), "an ended job's task gets no more beats");
        assertEquals(0, heartbeats.count());
    }

    @Test
    void aTaskStepFunctionsClosedIsForgottenAndAFailedBeatIsTriedAgain() {
        Job job = job();
        standIn.refuse("closed", "TaskTimedOut");
        heartbeats.started(job, "closed");
        standIn.await("closed", c -> "TaskTimedOut".equals(c.answeredWith()), Duration.ofSeconds(10));
        awaitNoTasks();
        heartbeats.beatAll();
        assertEquals(1, standIn.calls("closed").size(), "forgotten after TaskTimedOut");
        heartbeats.started(job, "closed");
        heartbeats.started(job, "after");
        standIn.await("after", c -> c.operation().equals("SendTaskHeartbeat"), Duration.ofSeconds(10));
        assertEquals(1, standIn.calls("closed").size(), "remembered as closed: taking it up again sends nothing");
        heartbeats.onJobEnded(new JobEnded(job.jobId(), Status.COMPLETED, "after"));

        heartbeats.started(job, "flaky");
        standIn.await("flaky", c -> c.answeredWith() == null, Duration.ofSeconds(10));
        standIn.failNext("flaky", 100);
        heartbeats.beatAll();
        assertEquals(1, heartbeats.count(), "kept after a failed beat (every attempt of the SDK failed)");
        standIn.failNext("flaky", 0);
        heartbeats.beatAll();
        assertEquals(2, standIn.calls("flaky").stream().filter(c -> c.answeredWith() == null).count());
    }

    private void awaitNoTasks() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (heartbeats.count() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The closed task is still kept");
            }
            Thread.onSpinWait();
        }
    }

    private static Job job() {
        return Job.create("01JD0000000000000000000000", "owner", "default", Map.of(),
                List.of(new SourceObject("bucket", "uploads/owner/x/a.jpg", 10L, "image/jpeg")), Instant.now());
    }
}
