package load;

import aws.AwsClients;
import aws.AwsServiceSettings;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jobs.ImageRef;
import jobs.JobItems;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import testing.ApiClient;
import testing.Corpus;
import testing.LocalAwsTestResource;
import testing.PoolUsers;
import testing.ServiceProcess;

/**
 * The load run behind {@code bench/load}: the packaged service with a fixed heap and its local servers,
 * N uploads pushed through the HTTP API by 8 clients, then counts, peak heap and resident memory, and
 * the CPU the service used. Not a test: it prints figures.
 */
public final class LoadRun {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int uploads = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        String heap = args.length > 1 ? args[1] : "512m";
        List<String> files = new ArrayList<>();
        for (Corpus.Entry e : Corpus.manifest()) {
            if (e.format().equals("jpeg") && e.expected().equals("process")
                    && (e.file().startsWith("photos/") || e.file().startsWith("orientation/"))) {
                files.add(e.file());
            }
        }
        LocalAwsTestResource.Environment environment = LocalAwsTestResource.Environment.start(120);
        Map<String, String> config = new HashMap<>(environment.config());
        config.put("app.local.enabled", "true");
        config.put("app.auth.client-ids", config.get("app.cognito.client-id"));
        config.put("quarkus.log.category.\"pipeline\".level", "WARN");
        // one account pushes every upload: its per-owner limit would pace the run instead of the service
        config.put("app.rate-limits.uploads.requests", Integer.toString(uploads));
        for (String component : new String[] {"aws2-s3", "aws2-sqs", "aws2-ddb"}) {
            config.put("camel.component." + component + ".use-default-credentials-provider", "false");
        }
        int port = LocalAwsTestResource.freePort();
        Path log = Files.createDirectories(Path.of("target/load")).resolve("service.log");
        ServiceProcess service = ServiceProcess.start(config, port, log, "-Xmx" + heap);
        RestAssured.port = port;
        AtomicLong peakHeapKb = new AtomicLong();
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        sampler.submit(() -> sampleHeap(service.pid(), peakHeapKb));
        try {
            FreshToken token = new FreshToken(config, "load@example.com");
            Map<String, String> jobs = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int i = 0; i < uploads; i++) {
                String file = files.get(i % files.size());
                int n = i;
                clients.submit(() -> {
                    byte[] bytes = Corpus.read(file);
                    JsonPath presigned = ApiClient.presign(token.get(), n + ".jpg", "image/jpeg", bytes.length);
                    if (ApiClient.put(presigned.getString("upload.url"), "image/jpeg", bytes) == 200) {
                        jobs.put(presigned.getString("jobId"), file);
                    }
                });
            }
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.MINUTES);
            long uploaded = System.nanoTime();

            Map<String, Integer> outcome = awaitOutcome(token, jobs.keySet(), Duration.ofMinutes(30));
            long elapsed = System.nanoTime() - start;
            Duration cpu = ProcessHandle.of(service.pid()).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
            long peakRssMb = peakRssMb(service.pid());
            long duplicated = countDuplicated(environment.config(), jobs.keySet());
            double seconds = elapsed / 1e9;
            System.out.printf("uploads=%d accepted=%d completed=%d failed=%d lost=%d duplicated=%d "
                            + "upload_phase_s=%.1f elapsed_s=%.1f images_per_s=%.2f heap_max=%s peak_heap_mb=%d "
                            + "peak_rss_mb=%d cpu_s=%.1f avg_cores=%.2f%n",
                    uploads, jobs.size(), outcome.get("COMPLETED"), outcome.get("FAILED"),
                    uploads - outcome.get("COMPLETED") - outcome.get("FAILED"), duplicated,
                    (uploaded - start) / 1e9, seconds, outcome.get("COMPLETED") / seconds, heap, peakHeapKb.get() / 1024,
                    peakRssMb, cpu.toMillis() / 1e3, cpu.toMillis() / 1e3 / seconds);
        } finally {
            sampler.shutdownNow();
            service.kill();
            environment.servers().close();
        }
    }

    private static Map<String, Integer> awaitOutcome(FreshToken token, Iterable<String> jobIds, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<String, String> status = new HashMap<>();
        jobIds.forEach(id -> status.put(id, "PENDING"));
        while (System.nanoTime() < deadline && status.values().stream().anyMatch(s -> s.startsWith("P"))) {
            for (Map.Entry<String, String> e : status.entrySet()) {
                if (e.getValue().startsWith("P")) {
                    e.setValue(ApiClient.job(token.get(), e.getKey()).getString("status"));
                }
            }
            Thread.sleep(500);
        }
        Map<String, Integer> counts = new HashMap<>(Map.of("COMPLETED", 0, "FAILED", 0));
        status.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }

    /** Jobs whose image was claimed more than once (its item's revision above claim + completion). */
    private static long countDuplicated(Map<String, String> config, Iterable<String> jobIds) {
        URI endpoint = URI.create(config.get("camel.component.aws2-ddb.uri-endpoint-override"));
        try (DynamoDbClient dynamo = AwsClients.newDynamo(new AwsServiceSettings(Region.EU_WEST_1,
                Optional.of(endpoint), false, StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalAwsTestResource.ACCESS_KEY, LocalAwsTestResource.SECRET_KEY))))) {
            long duplicated = 0;
            for (String jobId : jobIds) {
                long revision = Long.parseLong(dynamo.getItem(g -> g.tableName(LocalAwsTestResource.TABLE)
                        .key(JobItems.imageKey(new ImageRef(jobId, 0))).consistentRead(true)).item()
                        .get(JobItems.REVISION).n());
                if (revision > 2) {
                    duplicated++;
                }
            }
            return duplicated;
        }
    }

    /**
     * The service's peak resident set (Linux {@code VmHWM}: heap, metaspace, code cache, thread stacks,
     * native buffers), what a container's memory limit counts; -1 where /proc is missing.
     */
    private static long peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Samples the service's used heap with jcmd, keeping the highest figure. */
    private static void sampleHeap(long pid, AtomicLong peakKb) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                Matcher m = HEAP_USED.matcher(out);
                if (m.find()) {
                    peakKb.accumulateAndGet(Long.parseLong(m.group(1)), Math::max);
                }
                Thread.sleep(250);
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * An access token of a user of the pool, which a packaged service trusts (it trusts no dev key). The
     * pool's tokens live an hour, and a long run lasts longer: signs in again after 45 minutes.
     */
    private static final class FreshToken {
        private final Map<String, String> config;
        private final String email;
        private String token;
        private long signedInAt;

        FreshToken(Map<String, String> config, String email) {
            this.config = config;
            this.email = email;
        }

        synchronized String get() {
            if (token == null || System.nanoTime() - signedInAt > Duration.ofMinutes(45).toNanos()) {
                try (PoolUsers users = PoolUsers.of(config)) {
                    token = users.signIn(config.get("app.cognito.client-id"), email).accessToken();
                }
                signedInAt = System.nanoTime();
            }
            return token;
        }
    }
}
