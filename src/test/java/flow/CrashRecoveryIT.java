package flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import local.LocalAwsServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import testing.ApiClient;
import testing.Corpus;
import testing.PoolUsers;
import testing.LocalAwsTestResource;
import testing.ServiceProcess;

/**
 * kill -9 of the packaged service and of its local servers in the middle of a batch of uploads, then a
 * restart of all of them on the same data: every upload ends COMPLETED, exactly once.
 */
class CrashRecoveryIT {

    private static final int UPLOADS = 20;
    private static final int VISIBILITY_SECONDS = 10;
    private static final String[] FILES = {"orientation/Landscape_1.jpg", "orientation/Portrait_1.jpg",
        "jpeg/progressive.jpg", "photos/medium-landscape-storm.jpg", "webp/lossy.webp"};

    private LocalAwsTestResource.Environment environment;
    private ServiceProcess service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.kill();
        }
        if (environment != null) {
            environment.servers().close();
        }
        RestAssured.reset();
    }

    @Test
    void everyUploadCompletesExactlyOnceAfterTheServiceAndItsServersAreKilledMidBatch() throws Exception {
        environment = LocalAwsTestResource.Environment.start(VISIBILITY_SECONDS);
        Map<String, String> config = new HashMap<>(environment.config());
        config.put("app.local.enabled", "true");
        config.put("app.auth.client-ids", config.get("app.cognito.client-id"));
        // the messages in flight at the kill come back after the visibility timeout the consumer asked for
        // (not the queue's): both it and the lease short, and equal, so the restart takes them over in time
        config.put("app.sqs.visibility-timeout-seconds", Integer.toString(VISIBILITY_SECONDS));
        config.put("app.pipeline.lease", "PT" + VISIBILITY_SECONDS + "S");
        for (String component : new String[] {"aws2-s3", "aws2-sqs", "aws2-ddb"}) {
            config.put("camel.component." + component + ".use-default-credentials-provider", "false");
        }
        int port = LocalAwsTestResource.freePort();
        Path log = Files.createDirectories(Path.of("target/crash-test")).resolve("service-" + System.nanoTime() + ".log");
        service = ServiceProcess.start(config, port, log);
        RestAssured.port = port;

        String token = signedIn(config, "crash@example.com");
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            String file = FILES[i % FILES.length];
            byte[] bytes = Corpus.read(file);
            String type = file.endsWith(".webp") ? "image/webp" : "image/jpeg";
            JsonPath presigned = ApiClient.presign(token, i + "-" + file.substring(file.lastIndexOf('/') + 1), type,
                    bytes.length);
            assertEquals(200, ApiClient.put(presigned.getString("upload.url"), type, bytes));
            jobs.add(presigned.getString("jobId"));
        }
        awaitCompleted(token, jobs, 3);

        service.kill();
        for (LocalAwsServers.Server server : LocalAwsServers.Server.values()) {
            environment.servers().kill(server);
        }
        for (LocalAwsServers.Server server : LocalAwsServers.Server.values()) {
            environment.servers().restart(server);
        }
        service = ServiceProcess.start(config, port, log);

        Set<String> keys = new HashSet<>();
        for (String jobId : jobs) {
            JsonPath job = ApiClient.awaitEnded(token, jobId);
            assertEquals("COMPLETED", job.getString("status"), jobId + ": " + job.prettify());
            assertEquals(1, job.getList("images").size());
            List<String> variantKeys = job.getList("images[0].variants.key");
            assertEquals(6, variantKeys.size());
            keys.addAll(variantKeys);
        }
        assertEquals(UPLOADS * 6, keys.size(), "every upload has its own six variants");
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            var request = RestAssured.given().auth().oauth2(token).queryParam("limit", 100);
            JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/v1/jobs")
                    .then().statusCode(200).extract().jsonPath();
            listed.addAll(page.getList("items.jobId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(UPLOADS, listed.size(), "one job record per upload, none twice");
        assertTrue(listed.containsAll(jobs));
    }

    /** Waits until at least this many jobs completed, so the kill lands mid-batch. */
    private static void awaitCompleted(String token, List<String> jobs, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            long completed = jobs.stream().filter(id -> "COMPLETED".equals(ApiClient.job(token, id).getString("status")))
                    .count();
            if (completed >= atLeast) {
                assertTrue(completed < jobs.size(), "the batch must still be under way when the kill comes");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + atLeast + " uploads completed");
    }

    /** A packaged service trusts the user pool's tokens only: an access token of a user signed in there. */
    private static String signedIn(Map<String, String> config, String email) {
        try (PoolUsers users = PoolUsers.of(config)) {
            return users.signIn(config.get("app.cognito.client-id"), email).accessToken();
        }
    }
}
