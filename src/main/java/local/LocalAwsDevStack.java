package local;

import auth.LocalPool;
import aws.AwsBackend;
import aws.AwsClients;
import aws.AwsServiceSettings;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code ./mvnw quarkus:dev} only: starts the local AWS servers on their fixed dev ports and creates the
 * bucket, queues, table and user pool, before the first AWS client is built (so before any route starts).
 * They survive live reloads and stop with the dev JVM; their data stays in {@code app.local.data-dir}.
 * The user pool's ids are only known once it exists, so they come from here rather than from the
 * configuration (see {@code auth.UserPool}).
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class LocalAwsDevStack implements AwsBackend, LocalPool {

    private final Config config;
    private LocalUserPool.Ids userPool;

    public LocalAwsDevStack(Config config) {
        this.config = config;
    }

    @Override
    public synchronized void ensureRunning() {
        if (userPool != null) {
            return;
        }
        LocalAwsServers servers = LocalAwsServers.start(new LocalAwsServers.Settings(
                Path.of(config.getValue("app.local.classpath-dir", String.class)),
                Path.of(config.getValue("app.local.node-dir", String.class)),
                Path.of(config.getValue("app.local.data-dir", String.class)),
                config.getValue("app.local.s3-port", Integer.class),
                config.getValue("app.local.sqs-port", Integer.class),
                config.getValue("app.local.dynamodb-port", Integer.class),
                config.getValue("app.local.cognito-port", Integer.class),
                config.getValue("camel.component.aws2-s3.access-key", String.class),
                config.getValue("camel.component.aws2-s3.secret-key", String.class)));
        Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "local-aws-servers-stop"));
        try (S3Client s3 = AwsClients.newS3(AwsServiceSettings.read(config, "aws2-s3"));
                SqsClient sqs = AwsClients.newSqs(AwsServiceSettings.read(config, "aws2-sqs"));
                DynamoDbClient dynamo = AwsClients.newDynamo(AwsServiceSettings.read(config, "aws2-ddb"))) {
            LocalAwsResources.ensure(s3, sqs, dynamo, LocalAwsResources.Names.from(config));
        }
        try (CognitoIdentityProviderClient cognito = AwsClients.newCognito(AwsServiceSettings.under(config, "app.cognito."))) {
            userPool = LocalUserPool.ensure(cognito);
        }
    }

    @Override
    public synchronized LocalPool.Ids ids() {
        ensureRunning();
        return new LocalPool.Ids(userPool.userPoolId(), userPool.clientId());
    }
}
