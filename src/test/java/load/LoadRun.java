package load;

import static io.restassured.RestAssured.given;

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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * The load run behind {@code bench/load}: the engine alone on the run's images ({@link RenderAlone}) before
 * and after the packaged service with a fixed heap and its local servers, behind {@link CountingProxy}s that
 * count its S3, SQS and DynamoDB requests. A warm-up batch of uploads goes through the HTTP API first; then
 * the measured batch (8 clients: presign, PUT to S3), followed through the job listing until every job
 * ended, and each job read once, as a client reads its result. The service's CPU time and requests over
 * the measured batch, per image, are set against the engine's (the mean of its two runs, on one thread;
 * also rendering as many images at once as the service's consumers). Not a test: it prints figures.
 */
public final class LoadRun {

    /** G1's log line for a collection: heap used before and after it, and the heap's size. */
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Duration IDLE = Duration.ofSeconds(30);

    private LoadRun() {
    }

    /**
     * Arguments: measured uploads (default 210), heap (512m), warm-up uploads (fifty of each image: the
     * service's JIT compilation tails off slowly, over hundreds of images; the engine alone's is done
     * within {@link RenderAlone#WARM_UP} renders, so it warms up with at most that many).
     */
    public static void main(String[] args) throws Exception {
        int uploads = args.length > 0 ? Integer.parseInt(args[0]) : 10 * LoadImages.FILES.size();
        String heap = args.length > 1 ? args[1] : "512m";
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 50 * LoadImages.FILES.size();

        // Alone on the machine, before the service starts and again after it stopped: its own JVM. The two
        // runs bracket the service's, so a machine whose speed drifts (a shared host) moves both sides of the
        // ratio alike; their spread shows how far it drifted. The second run takes its two measures in the
        // other order, so neither gains from coming later.
        RenderAlone.Yardstick before = RenderAlone.inChildJvm(heap, warmUp, uploads, false);
        ServiceFigures service = runService(heap, warmUp, uploads);
        RenderAlone.Yardstick after = RenderAlone.inChildJvm(heap, warmUp, uploads, true);

        // overhead_ratio as issue #12 defines it: against the engine alone on one thread; beside it, against
        // the engine rendering as many images at once as the service's consumers do
        double engine = perImage(before.oneThread(), after.oneThread(), uploads);
        double engineAsConsumers = perImage(before.asConsumers(), after.asConsumers(), uploads);
        System.out.printf(Locale.ROOT, "warm_up=%d service_cpu_s_per_image=%.3f renderer_cpu_s_per_image=%.3f "
                        + "overhead_ratio=%.2f s3_requests_per_image=%.2f sqs_requests_per_image=%.2f "
                        + "dynamodb_requests_per_image=%.2f%n",
                warmUp, service.cpuPerImage(), engine, service.cpuPerImage() / engine,
                service.requestsPerImage("s3"), service.requestsPerImage("sqs"), service.requestsPerImage("dynamodb"));
        System.out.printf(Locale.ROOT, "renderer_warm_up=%d renderer_cpu_s_per_image_before=%.3f "
                        + "renderer_cpu_s_per_image_after=%.3f renderer_threads=%d "
                        + "renderer_as_consumers_cpu_s_per_image=%.3f (before %.3f, after %.3f) "
                        + "overhead_ratio_as_consumers=%.2f%n",
                Math.min(warmUp, RenderAlone.WARM_UP), perImage(before.oneThread(), uploads),
                perImage(after.oneThread(), uploads), before.consumers(), engineAsConsumers,
                perImage(before.asConsumers(), uploads), perImage(after.asConsumers(), uploads),
                service.cpuPerImage() / engineAsConsumers);
        System.out.println("requests_per_image " + service.requests().entrySet().stream()
                .flatMap(aws -> aws.getValue().entrySet().stream()
                        .map(c -> String.format(Locale.ROOT, "%s.%s=%.2f", aws.getKey(),
                                c.getKey().replace(' ', '_'), c.getValue() / (double) service.completed())))
                .collect(Collectors.joining(" ")));
        System.out.println("service_cpu_s_per_image_by_thread " + service.byThread());
    }

    /** The mean of two CPU times, per image. */
    private static double perImage(Duration first, Duration second, int images) {
        return (perImage(first, images) + perImage(second, images)) / 2;
    }

    private static double perImage(Duration cpu, int images) {
        return cpu.toNanos() / 1e9 / images;
    }

    /** What the service did over the measured batch: its CPU, its requests by service and operation. */
    private record ServiceFigures(double cpuSeconds, int completed, Map<String, Map<String, Long>> requests,
            String byThread) {

        double cpuPerImage() {
            return cpuSeconds / completed;
        }

        double requestsPerImage(String service) {
            return serviceRequests(requests.get(service)) / (double) completed;
        }
    }

    /**
     * The service with its local servers behind counting proxies: the warm-up batch, then the measured one;
     * prints the run's counts, times and memory, and returns its figures once the service has stopped.
     */
    private static ServiceFigures runService(String heap, int warmUp, int uploads) throws Exception {
        LocalAwsTestResource.Environment environment = LocalAwsTestResource.Environment.start(120);
        Map<String, String> servers = environment.config();
        Map<String, CountingProxy> proxies = Map.of(
                "s3", proxy(servers, "aws2-s3", AwsOperations::s3),
                "sqs", proxy(servers, "aws2-sqs", AwsOperations::sqs),
                "dynamodb", proxy(servers, "aws2-ddb", AwsOperations::dynamo));
        Map<String, String> config = new HashMap<>(servers);
        for (Map.Entry<String, String> service : Map.of("s3", "aws2-s3", "sqs", "aws2-sqs", "dynamodb", "aws2-ddb")
                .entrySet()) {
            config.put("camel.component." + service.getValue() + ".uri-endpoint-override",
                    "http://127.0.0.1:" + proxies.get(service.getKey()).port());
            config.put("camel.component." + service.getValue() + ".use-default-credentials-provider", "false");
        }
        config.put("app.local.enabled", "true");
        // In AWS the bucket's notification sends the events, at no cost to the service: here the run plays
        // that part (BucketNotification) instead of the service's local stand-in, whose listings would count.
        config.put("app.local.s3-event-bridge.enabled", "false");
        config.put("app.auth.client-ids", config.get("app.cognito.client-id"));
        config.put("quarkus.log.category.\"pipeline\".level", "WARN");
        // threads named by what they serve (the kernel keeps 15 characters), so the SQS consumers that
        // render stand apart from Camel's other threads in the CPU by thread group
        config.put("camel.main.thread-name-pattern", "#name#");
        // one account pushes every upload of a batch: its per-owner limit would pace the run instead of the service
        config.put("app.rate-limits.uploads.requests", Integer.toString(Math.max(uploads, warmUp)));
        int port = LocalAwsTestResource.freePort();
        Path dir = Files.createDirectories(Path.of("target/load"));
        Path gcLog = dir.resolve("gc-" + System.nanoTime() + ".log");
        // Peak heap from the GC log (used before each collection) rather than by sampling: attaching to the
        // service would cost it CPU, which is what is measured here.
        List<String> jvm = new ArrayList<>(RenderAlone.jvmOptions(heap));
        jvm.add("-Xlog:gc:file=" + gcLog);
        // e.g. -XX:StartFlightRecording=filename=target/load/service.jfr to see where the service's CPU goes
        jvm.addAll(List.of(System.getenv().getOrDefault("LOAD_SERVICE_JAVA_OPTS", "").split("\\s+")));
        jvm.removeIf(String::isBlank);
        ServiceProcess service = ServiceProcess.start(config, port, dir.resolve("service.log"), jvm.toArray(String[]::new));
        RestAssured.port = port;
        try (BucketNotification notification = BucketNotification.of(servers)) {
            Batch warm = Batch.upload(new FreshToken(config, "load-warm-up@example.com"), notification, 0, warmUp);
            warm.awaitEnded(Duration.ofMinutes(30));

            Duration cpuBefore = cpu(service);
            Map<String, Double> threadsBefore = ThreadCpu.snapshot(service.pid());
            proxies.values().forEach(CountingProxy::reset);
            long start = System.nanoTime();
            Batch measured = Batch.upload(new FreshToken(config, "load@example.com"), notification, warmUp, uploads);
            double uploadSeconds = (System.nanoTime() - start) / 1e9;
            measured.awaitEnded(Duration.ofMinutes(30));
            Map<String, Integer> outcome = measured.readResults();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (cpu(service).toNanos() - cpuBefore.toNanos()) / 1e9;
            Map<String, Double> byThread = ThreadCpu.between(threadsBefore, ThreadCpu.snapshot(service.pid()));
            Map<String, Map<String, Long>> requests = new TreeMap<>();
            proxies.forEach((name, proxy) -> requests.put(name, proxy.counts()));

            // What the service burns with nothing to do (the bucket now holds every upload of the run): at a
            // low rate of images per second this weighs on each image.
            Duration idleBefore = cpu(service);
            Thread.sleep(IDLE.toMillis());
            double idleCores = (cpu(service).toNanos() - idleBefore.toNanos()) / (double) IDLE.toNanos();

            int completed = outcome.getOrDefault("COMPLETED", 0);
            int failed = outcome.getOrDefault("FAILED", 0);
            System.out.printf(Locale.ROOT, "uploads=%d accepted=%d completed=%d failed=%d lost=%d duplicated=%d "
                            + "upload_phase_s=%.1f elapsed_s=%.1f images_per_s=%.2f heap_max=%s peak_heap_mb=%d "
                            + "peak_rss_mb=%d cpu_s=%.1f avg_cores=%.2f idle_cores=%.3f%n",
                    uploads, measured.jobs().size(), completed, failed, uploads - completed - failed,
                    countDuplicated(servers, measured.jobs()), uploadSeconds, seconds, completed / seconds, heap,
                    peakHeapMb(gcLog), peakRssMb(service.pid()), cpu, cpu / seconds, idleCores);
            return new ServiceFigures(cpu, completed, requests, ThreadCpu.perImage(byThread, completed));
        } finally {
            service.stop();
            for (CountingProxy proxy : proxies.values()) {
                proxy.close();
            }
            environment.servers().close();
        }
    }

    /** One owner's uploads through the API, 8 clients at a time: presign, then PUT to S3 (which notifies). */
    private record Batch(FreshToken token, Map<String, String> jobs) {

        static Batch upload(FreshToken token, BucketNotification notification, int first, int count)
                throws InterruptedException {
            Map<String, String> jobs = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int n = first; n < first + count; n++) {
                String file = LoadImages.file(n);
                int number = n;
                clients.submit(() -> {
                    byte[] bytes = Corpus.read(file);
                    JsonPath presigned = ApiClient.presign(token.get(), number + ".jpg", "image/jpeg", bytes.length);
                    if (ApiClient.put(presigned.getString("upload.url"), "image/jpeg", bytes) == 200) {
                        jobs.put(presigned.getString("jobId"), file);
                        notification.objectCreated(presigned.getString("bucket"), presigned.getString("key"), bytes);
                    }
                });
            }
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.MINUTES);
            return new Batch(token, jobs);
        }

        /** Follows the owner's job listing (100 a page), once a second, until every job has ended. */
        void awaitEnded(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                Map<String, String> status = new HashMap<>();
                String cursor = null;
                do {
                    var request = given().auth().oauth2(token.get()).queryParam("limit", 100);
                    JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/v1/jobs")
                            .then().statusCode(200).extract().jsonPath();
                    List<String> ids = page.getList("items.jobId");
                    List<String> statuses = page.getList("items.status");
                    for (int i = 0; i < ids.size(); i++) {
                        status.put(ids.get(i), statuses.get(i));
                    }
                    cursor = page.getString("nextCursor");
                } while (cursor != null);
                if (jobs.keySet().stream().allMatch(id -> ended(status.get(id)))) {
                    return;
                }
                Thread.sleep(1000);
            }
        }

        /** Each job read once, as its client would read the result; the count of each final status. */
        Map<String, Integer> readResults() {
            Map<String, Integer> counts = new HashMap<>();
            jobs.keySet().forEach(id -> counts.merge(ApiClient.job(token.get(), id).getString("status"), 1, Integer::sum));
            return counts;
        }

        private static boolean ended(String status) {
            return "COMPLETED".equals(status) || "FAILED".equals(status);
        }
    }

    private static CountingProxy proxy(Map<String, String> servers, String component,
            Function<CountingProxy.RequestHead, String> operation) throws IOException {
        URI server = URI.create(servers.get("camel.component." + component + ".uri-endpoint-override"));
        return CountingProxy.start(server.getPort(), operation);
    }

    /** Requests the service made (those sent by clients to presigned URLs left out). */
    private static long serviceRequests(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> !e.getKey().startsWith(AwsOperations.PRESIGNED))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static Duration cpu(ServiceProcess service) {
        return ProcessHandle.of(service.pid()).flatMap(p -> p.info().totalCpuDuration()).orElseThrow();
    }

    /** Jobs whose image was claimed more than once (its item's revision above claim + completion). */
    private static long countDuplicated(Map<String, String> servers, Map<String, String> jobs) {
        URI endpoint = URI.create(servers.get("camel.component.aws2-ddb.uri-endpoint-override"));
        try (DynamoDbClient dynamo = AwsClients.newDynamo(new AwsServiceSettings(Region.EU_WEST_1,
                Optional.of(endpoint), false, StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalAwsTestResource.ACCESS_KEY, LocalAwsTestResource.SECRET_KEY))))) {
            return jobs.keySet().stream().filter(jobId -> Long.parseLong(dynamo.getItem(g -> g
                    .tableName(LocalAwsTestResource.TABLE).key(JobItems.imageKey(new ImageRef(jobId, 0)))
                    .consistentRead(true)).item().get(JobItems.REVISION).n()) > 2).count();
        }
    }

    /** The most heap in use before any collection, from the service's GC log. */
    private static long peakHeapMb(Path gcLog) throws IOException {
        Matcher m = GC_PAUSE.matcher(Files.readString(gcLog));
        long peak = 0;
        while (m.find()) {
            peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
        return peak;
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
