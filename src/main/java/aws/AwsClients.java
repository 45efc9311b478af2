package aws;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One client per AWS service for the whole service. The Camel aws2-s3/-sqs/-ddb components autowire
 * these same clients, so routes and beans share one connection pool and one set of settings
 * ({@link AwsServiceSettings}); in dev and test those point at the local servers. Every call of these
 * clients is a client span when tracing is on, and every SQS message they send carries the current trace
 * context in its {@code traceparent} message attribute; with the OpenTelemetry SDK off
 * ({@code quarkus.otel.sdk.disabled}) the clients carry no tracing interceptor at all, which would only
 * cost CPU on every call. Step Functions, which has no local server, is
 * configured under {@code app.sfn.*} (tests point it at a stand-in).
 */
@ApplicationScoped
public class AwsClients {

    /** Present in dev only (the local servers), started before the first client is handed out. */
    private final Instance<AwsBackend> backends;
    private final ExecutionInterceptor[] tracing;

    public AwsClients(Instance<AwsBackend> backends, OpenTelemetry telemetry,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled") boolean tracingOff) {
        this.backends = backends;
        this.tracing = tracingOff ? new ExecutionInterceptor[0] : new ExecutionInterceptor[] {
                AwsSdkTelemetry.builder(telemetry).setUseConfiguredPropagatorForMessaging(true).build()
                        .newExecutionInterceptor() };
    }

    @Produces
    @ApplicationScoped
    S3Client s3(Config config) {
        return newS3(settings(config, "aws2-s3"), tracing);
    }

    @Produces
    @ApplicationScoped
    S3Presigner presigner(Config config) {
        AwsServiceSettings settings = settings(config, "aws2-s3");
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(settings.region())
                .credentialsProvider(settings.credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.forcePathStyle()).build());
        settings.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Produces
    @ApplicationScoped
    SqsClient sqs(Config config) {
        return newSqs(settings(config, "aws2-sqs"), tracing);
    }

    @Produces
    @ApplicationScoped
    DynamoDbClient dynamo(Config config) {
        return newDynamo(settings(config, "aws2-ddb"), tracing);
    }

    /** The Cognito user pool API behind the account endpoints ({@code app.cognito.*}). */
    @Produces
    @ApplicationScoped
    CognitoIdentityProviderClient cognito(Config config) {
        backends.stream().forEach(AwsBackend::ensureRunning);
        return newCognito(AwsServiceSettings.under(config, "app.cognito."), tracing);
    }

    /**
     * Rekognition for image analysis (no Camel component resolves here), from {@code app.rekognition.*}.
     * Each call is bounded by {@code app.rekognition.call-timeout}, retries included, so a stalled call
     * fails like any transient AWS error and the route's retries take over.
     */
    @Produces
    @ApplicationScoped
    RekognitionClient rekognition(Config config) {
        return newRekognition(AwsServiceSettings.under(config, "app.rekognition."),
                config.getValue("app.rekognition.call-timeout", Duration.class), tracing);
    }

    /**
     * Step Functions, for answering task tokens (no Camel component has those calls), from
     * {@code app.sfn.*}. Each call is bounded by {@code app.sfn.call-timeout}, retries included, so a stalled
     * call fails like any transient AWS error and the route's retries take over.
     */
    @Produces
    @ApplicationScoped
    SfnClient sfn(Config config) {
        return configure(SfnClient.builder(), AwsServiceSettings.under(config, "app.sfn."), tracing)
                .overrideConfiguration(o -> o.apiCallTimeout(config.getValue("app.sfn.call-timeout", Duration.class)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    void close(@Disposes S3Client client) {
        client.close();
    }

    void close(@Disposes S3Presigner presigner) {
        presigner.close();
    }

    void close(@Disposes SqsClient client) {
        client.close();
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }

    void close(@Disposes SfnClient client) {
        client.close();
    }

    void close(@Disposes CognitoIdentityProviderClient client) {
        client.close();
    }

    void close(@Disposes RekognitionClient client) {
        client.close();
    }

    /**
     * On AWS's HTTPS endpoints the SDK's defaults stay: each upload carries a CRC32 the server checks, each
     * download's CRC32 is checked. Over plain HTTP (only ever the local servers) the SDK signs every request
     * body instead (SHA-256 into the signature, as SigV4 requires without TLS), which already covers what a
     * request checksum would; a checksum of each download buys nothing on a loopback connection. There only
     * the checksums S3 itself requires are computed.
     */
    public static S3Client newS3(AwsServiceSettings settings, ExecutionInterceptor... interceptors) {
        S3ClientBuilder builder = configure(S3Client.builder(), settings, interceptors)
                .forcePathStyle(settings.forcePathStyle())
                .httpClientBuilder(ApacheHttpClient.builder());
        if (settings.plainHttp()) {
            builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    public static SqsClient newSqs(AwsServiceSettings settings, ExecutionInterceptor... interceptors) {
        return configure(SqsClient.builder(), settings, interceptors).httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    public static DynamoDbClient newDynamo(AwsServiceSettings settings, ExecutionInterceptor... interceptors) {
        return configure(DynamoDbClient.builder(), settings, interceptors).httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    public static CognitoIdentityProviderClient newCognito(AwsServiceSettings settings,
            ExecutionInterceptor... interceptors) {
        return configure(CognitoIdentityProviderClient.builder(), settings, interceptors)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    public static RekognitionClient newRekognition(AwsServiceSettings settings, Duration callTimeout,
            ExecutionInterceptor... interceptors) {
        return configure(RekognitionClient.builder(), settings, interceptors)
                .overrideConfiguration(o -> o.apiCallTimeout(callTimeout))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    private AwsServiceSettings settings(Config config, String component) {
        backends.stream().forEach(AwsBackend::ensureRunning);
        return AwsServiceSettings.read(config, component);
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, AwsServiceSettings settings,
            ExecutionInterceptor... interceptors) {
        builder.region(settings.region()).credentialsProvider(settings.credentials());
        builder.overrideConfiguration(c -> List.of(interceptors).forEach(c::addExecutionInterceptor));
        settings.endpointOverride().ifPresent(builder::endpointOverride);
        return builder;
    }
}
