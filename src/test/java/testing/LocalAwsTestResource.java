package testing;

import aws.AwsClients;
import aws.AwsServiceSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import local.LocalAwsResources;
import local.LocalAwsServers;
import local.LocalUserPool;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts S3Proxy, ElasticMQ, dynalite and cognito-local on free loopback ports with a fresh data
 * directory, creates the bucket, queues, table and user pool, and points the service at them, through the
 * same settings an operator would use for any S3/SQS/DynamoDB/Cognito-compatible service. (The test
 * profile then trusts the pool's access tokens for the service's own app client, as production would.)
 */
public class LocalAwsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test-secret";
    public static final String BUCKET = "images-test";
    public static final String QUEUE = "ingest-test";
    public static final String DLQ = "ingest-test-dlq";
    public static final String TABLE = "jobs-test";

    private static volatile Map<String, String> current = Map.of();
    private LocalAwsServers servers;

    @Override
    public Map<String, String> start() {
        Environment environment = Environment.start(30);
        servers = environment.servers();
        current = Map.copyOf(environment.config());
        return environment.config();
    }

    /**
     * The settings of the servers running for the current test service (in {@code @QuarkusIntegrationTest}
     * the test's own configuration does not hold them).
     */
    public static Map<String, String> current() {
        return current;
    }

    /** Running local servers with their resources, and the service settings that point at them. */
    public record Environment(LocalAwsServers servers, Map<String, String> config) {

        /** Starts the servers in a fresh data directory and creates the bucket, queues, table and user pool. */
        public static Environment start(int visibilityTimeoutSeconds) {
            Path classpathDir = Path.of(System.getProperty("local-aws.dir", "target/local-aws"));
            Path dataDir = classpathDir.resolve("test-data").resolve(Long.toString(System.nanoTime()));
            Path nodeDir = Path.of(System.getProperty("local-aws.node-dir", "local-aws/node"));
            LocalAwsServers.Settings settings = new LocalAwsServers.Settings(classpathDir, nodeDir, dataDir, freePort(),
                    freePort(), freePort(), freePort(), ACCESS_KEY, SECRET_KEY);
            LocalAwsServers servers = LocalAwsServers.start(settings);
            LocalUserPool.Ids pool;
            try (S3Client s3 = AwsClients.newS3(local(settings.s3Port()));
                    SqsClient sqs = AwsClients.newSqs(local(settings.sqsPort()));
                    DynamoDbClient dynamo = AwsClients.newDynamo(local(settings.dynamoPort()));
                    CognitoIdentityProviderClient cognito = AwsClients.newCognito(local(settings.cognitoPort()))) {
                LocalAwsResources.ensure(s3, sqs, dynamo,
                        new LocalAwsResources.Names(BUCKET, QUEUE, DLQ, TABLE, visibilityTimeoutSeconds, 5));
                pool = LocalUserPool.ensure(cognito);
            } catch (RuntimeException e) {
                servers.close();
                throw e;
            }
            Map<String, String> config = new HashMap<>();
            config.put("app.local.data-dir", dataDir.toString());
            config.put("app.s3.bucket", BUCKET);
            config.put("app.sqs.ingest-queue", QUEUE);
            config.put("app.sqs.ingest-dlq", DLQ);
            config.put("app.ddb.jobs-table", TABLE);
            endpoint(config, "aws2-s3", settings.s3Port());
            endpoint(config, "aws2-sqs", settings.sqsPort());
            endpoint(config, "aws2-ddb", settings.dynamoPort());
            config.put("camel.component.aws2-s3.force-path-style", "true");
            String cognito = "app.cognito.";
            config.put(cognito + "override-endpoint", "true");
            config.put(cognito + "uri-endpoint-override", "http://127.0.0.1:" + settings.cognitoPort());
            config.put(cognito + "access-key", ACCESS_KEY);
            config.put(cognito + "secret-key", SECRET_KEY);
            config.put(cognito + "use-default-credentials-provider", "false");
            config.put(cognito + "user-pool-id", pool.userPoolId());
            config.put(cognito + "client-id", pool.clientId());
            return new Environment(servers, config);
        }
    }

    /** Hands the running servers to test fields marked {@link LocalAws}, for outage and crash tests. */
    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(servers, new TestInjector.AnnotatedAndMatchesType(LocalAws.class, LocalAwsServers.class));
    }

    @Override
    public void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private static void endpoint(Map<String, String> config, String component, int port) {
        String prefix = "camel.component." + component + ".";
        config.put(prefix + "override-endpoint", "true");
        config.put(prefix + "uri-endpoint-override", "http://127.0.0.1:" + port);
        config.put(prefix + "access-key", ACCESS_KEY);
        config.put(prefix + "secret-key", SECRET_KEY);
    }

    private static AwsServiceSettings local(int port) {
        return new AwsServiceSettings(Region.EU_WEST_1, Optional.of(URI.create("http://127.0.0.1:" + port)), true,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
