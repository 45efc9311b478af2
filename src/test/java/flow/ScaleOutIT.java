package flow;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import aws.AwsClients;
import aws.AwsServiceSettings;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jobs.JobItems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import testing.ApiClient;
import testing.Corpus;
import testing.ImageItems;
import testing.LocalAwsTestResource;
import testing.PoolUsers;
import testing.Queues;
import testing.ServiceProcess;

/**
 * Scale-out (issue #12, item 5): two packaged instances on one bucket, queue and table, four consumers
 * each, both running the local S3 event bridge with their own record of what they announced, so every
 * upload reaches the queue twice and the claim must absorb the duplicate. 100 single uploads (through
 * either instance in turn) and one 50-image batch over half of them: every image COMPLETED once, each
 * variant written once.
 *
 * <p>Exactly once, as asserted: each image item has {@code attempts} 1 and {@code revision} 2 (one claim,
 * one completion; a lapsed lease taken over would show 2 and 3: with a lease renewed every third of its 20 s,
 * none lapses here); each job header counts every image completed and none failed; both queues hold no
 * message, visible or in flight (the upload-expiry checks are delayed messages and not counted); and
 * after waiting longer than the visibility timeout and the lease, every variant object keeps its ETag and
 * Last-Modified, and the items and headers read the same. Small images and a two-variant preset keep it short (six
 * minutes on two cores shared at a load average of about 20; most of it waiting for the CPU).
 */
class ScaleOutIT {

    private static final int SINGLE_UPLOADS = 100;
    private static final int BATCH = 50;
    private static final int INSTANCES = 2;
    private static final int VISIBILITY_SECONDS = 20;
    private static final String PRESET = "scale-out";
    private static final String[] FILES = {"jpeg/greyscale.jpg", "jpeg/gps-exif.jpg", "png/rgba-transparency.png",
        "png/palette-interlaced.png"};

    private LocalAwsTestResource.Environment environment;
    private final List<ServiceProcess> services = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (ServiceProcess service : services) {
            service.kill();
        }
        if (environment != null) {
            environment.servers().close();
        }
        RestAssured.reset();
    }

    @Test
    void twoInstancesCompleteEveryImageOfUploadsAndABatchExactlyOnce() throws Exception {
        long began = System.nanoTime();
        environment = LocalAwsTestResource.Environment.start(VISIBILITY_SECONDS);
        Map<String, String> servers = environment.config();
        Path dir = Files.createDirectories(Path.of("target/scale-out-test", Long.toString(System.nanoTime())));
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            Map<String, String> config = new HashMap<>(servers);
            config.put("app.local.enabled", "true");
            config.put("app.local.data-dir", Files.createDirectories(dir.resolve("instance-" + i)).toString());
            config.put("app.auth.client-ids", config.get("app.cognito.client-id"));
            config.put("app.pipeline.consumers", "4");
            config.put("app.sqs.visibility-timeout-seconds", Integer.toString(VISIBILITY_SECONDS));
            config.put("app.pipeline.lease", "PT" + VISIBILITY_SECONDS + "S");
            config.put("app.presets.sets." + PRESET + ".variants", "thumb 64x64 cover jpeg q70,small 160 inside jpeg q75");
            for (String component : new String[] {"aws2-s3", "aws2-sqs", "aws2-ddb"}) {
                config.put("camel.component." + component + ".use-default-credentials-provider", "false");
            }
            int port = LocalAwsTestResource.freePort();
            services.add(ServiceProcess.start(config, port, dir.resolve("service-" + i + ".log")));
            ports.add(port);
        }
        String token;
        try (PoolUsers users = PoolUsers.of(servers)) {
            token = users.signIn(servers.get("app.cognito.client-id"), "scale-out@example.com").accessToken();
        }

        List<String> sources = new ArrayList<>();
        Map<String, Integer> imageCounts = new LinkedHashMap<>();
        for (int n = 0; n < SINGLE_UPLOADS; n++) {
            RestAssured.port = ports.get(n % INSTANCES);
            String file = FILES[n % FILES.length];
            String type = file.endsWith(".png") ? "image/png" : "image/jpeg";
            byte[] bytes = Corpus.read(file);
            JsonPath presigned = ApiClient.presign(token, n + "-" + file.substring(file.lastIndexOf('/') + 1), type,
                    bytes.length, PRESET);
            assertEquals(200, ApiClient.put(presigned.getString("upload.url"), presigned.getMap("upload.headers"), bytes));
            sources.add("s3://" + presigned.getString("bucket") + "/" + presigned.getString("key"));
            imageCounts.put(presigned.getString("jobId"), 1);
        }
        RestAssured.port = ports.get(1);
        String batch = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("images", sources.subList(0, BATCH), "preset", PRESET))
                .post("/v1/jobs").then().statusCode(202).extract().jsonPath().getString("jobId");
        imageCounts.put(batch, BATCH);

        RestAssured.port = ports.get(0);
        List<String> variantKeys = new ArrayList<>();
        for (Map.Entry<String, Integer> job : imageCounts.entrySet()) {
            JsonPath ended = ApiClient.awaitEnded(token, job.getKey());
            assertEquals("COMPLETED", ended.getString("status"), job.getKey() + ": " + ended.prettify());
            for (int i = 0; i < job.getValue(); i++) {
                assertEquals("COMPLETED", ended.getString("images[" + i + "].status"));
                List<String> keys = ended.getList("images[" + i + "].variants.key");
                assertEquals(2, keys.size(), job.getKey() + " image " + i);
                variantKeys.addAll(keys);
            }
        }
        assertEquals(2 * (SINGLE_UPLOADS + BATCH), variantKeys.stream().distinct().count(),
                "every image has its own two variants");

        try (S3Client s3 = AwsClients.newS3(local(servers, "aws2-s3"));
                SqsClient sqs = AwsClients.newSqs(local(servers, "aws2-sqs"));
                DynamoDbClient dynamo = AwsClients.newDynamo(local(servers, "aws2-ddb"))) {
            Map<String, String> written = versions(s3, variantKeys);
            assertRecordedOnce(dynamo, imageCounts);
            assertQueuesEmpty(sqs);

            // Longer than the visibility timeout and the lease: a message still held somewhere, or a claim
            // still open, would have been delivered or taken over again by now.
            Thread.sleep(Duration.ofSeconds(VISIBILITY_SECONDS + 5).toMillis());
            assertEquals(written, versions(s3, variantKeys), "no variant object was written again");
            assertRecordedOnce(dynamo, imageCounts);
            assertQueuesEmpty(sqs);
        }
        System.out.printf("ScaleOutIT: %d images on %d instances in %.1f s%n", SINGLE_UPLOADS + BATCH, INSTANCES,
                (System.nanoTime() - began) / 1e9);
    }

    /** Each variant object's ETag and Last-Modified, by key. */
    private static Map<String, String> versions(S3Client s3, List<String> keys) {
        Map<String, String> versions = new HashMap<>();
        for (String key : keys) {
            HeadObjectResponse head = s3.headObject(h -> h.bucket(LocalAwsTestResource.BUCKET).key(key));
            versions.put(key, head.eTag() + " " + head.lastModified());
        }
        return versions;
    }

    /** Every image claimed once and completed once, every header counting each image once. */
    private static void assertRecordedOnce(DynamoDbClient dynamo, Map<String, Integer> imageCounts) {
        for (Map.Entry<String, Integer> job : imageCounts.entrySet()) {
            Map<String, AttributeValue> header = dynamo.getItem(g -> g.tableName(LocalAwsTestResource.TABLE)
                    .key(JobItems.headerKey(job.getKey())).consistentRead(true)).item();
            assertEquals(job.getValue().toString(), header.get(JobItems.IMAGE_COUNT).n(), job.getKey());
            assertEquals(job.getValue().toString(), header.get(JobItems.COMPLETED_COUNT).n(), job.getKey());
            assertEquals("0", header.get(JobItems.FAILED_COUNT).n(), job.getKey());
            for (int i = 0; i < job.getValue(); i++) {
                Map<String, AttributeValue> image = ImageItems.read(dynamo, job.getKey(), i);
                String which = job.getKey() + " image " + i;
                assertEquals("1", image.get(JobItems.ATTEMPTS).n(), which + ": claimed once, never retried");
                assertEquals("2", image.get(JobItems.REVISION).n(), which + ": one claim, one completion");
            }
        }
    }

    private static void assertQueuesEmpty(SqsClient sqs) {
        Queues.awaitDrained(sqs, sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.QUEUE)).queueUrl());
        assertEquals(0, Queues.count(sqs, sqs.getQueueUrl(q -> q.queueName(LocalAwsTestResource.DLQ)).queueUrl()),
                "nothing dead-lettered");
    }

    private static AwsServiceSettings local(Map<String, String> servers, String component) {
        return new AwsServiceSettings(Region.EU_WEST_1,
                Optional.of(URI.create(servers.get("camel.component." + component + ".uri-endpoint-override"))), true,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalAwsTestResource.ACCESS_KEY,
                        LocalAwsTestResource.SECRET_KEY)));
    }
}
