package infra;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an operator chooses at deploy time, read from CDK context ({@code cdk deploy -c key=value} or
 * {@code cdk.json}). Names default to the service's own defaults in {@code application.properties}, so a
 * stack deployed with no names set matches a service started with none.
 *
 * @param prefix             prefix of every resource name (default {@code image-pipeline})
 * @param bucketName         the bucket; empty: {@code <prefix>-<account>-<region>}
 * @param corsOrigins        browser origins allowed to PUT to presigned URLs (default {@code http://localhost:3000})
 * @param eksOidcProviderArn the EKS cluster's IAM OIDC provider, whose service-account tokens assume the roles
 *                           (IRSA): {@code arn:aws:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<id>}
 * @param namespace          Kubernetes namespace of the service (default {@code image-pipeline})
 * @param serviceAccount     its ServiceAccount (default {@code image-pipeline})
 * @param kedaServiceAccount {@code <namespace>:<name>} of the KEDA operator (default {@code keda:keda-operator})
 * @param alarmEmail         optional address subscribed to the alarm topic
 * @param userPool           create a Cognito user pool and allow the service's account calls on it
 * @param analysis           allow Rekognition DetectLabels/DetectModerationLabels (image analysis)
 * @param stateMachineArn    optional Step Functions state machine whose task tokens the service answers
 * @param taskStateMachine   create the example state machine that uses the service as a task
 *                           ({@link TaskStateMachine}); the service may answer its tokens too
 * @param pendingUploadDays  days after which an upload still tagged pending (never processed) is removed
 */
public record StackSettings(String prefix, Optional<String> bucketName, List<String> corsOrigins,
        String eksOidcProviderArn, String namespace, String serviceAccount, String kedaServiceAccount,
        Optional<String> alarmEmail, boolean userPool, boolean analysis, Optional<String> stateMachineArn,
        boolean taskStateMachine, int pendingUploadDays) {

    private static final String OIDC_PROVIDER_MARK = ":oidc-provider/";

    public StackSettings {
        if (!eksOidcProviderArn.startsWith("arn:") || !eksOidcProviderArn.contains(OIDC_PROVIDER_MARK)) {
            throw new IllegalArgumentException("eksOidcProviderArn must be the cluster's IAM OIDC provider, "
                    + "arn:aws:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<id>; got '"
                    + eksOidcProviderArn + "'");
        }
        if (!kedaServiceAccount.matches("[a-z0-9-]+:[a-z0-9-]+")) {
            throw new IllegalArgumentException("kedaServiceAccount must be <namespace>:<name>; got '"
                    + kedaServiceAccount + "'");
        }
        if (pendingUploadDays < 1) {
            throw new IllegalArgumentException("pendingUploadDays must be at least 1; got " + pendingUploadDays);
        }
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** Reads the settings from context values (strings, as {@code -c} passes them); unset keys take defaults. */
    public static StackSettings fromContext(Function<String, Object> context) {
        Function<String, Optional<String>> text = key -> Optional.ofNullable(context.apply(key))
                .map(Object::toString).map(String::trim).filter(s -> !s.isEmpty());
        String missingOidc = "set -c eksOidcProviderArn=arn:aws:iam::<account>:oidc-provider/<issuer host and path>";
        return new StackSettings(
                text.apply("prefix").orElse("image-pipeline"),
                text.apply("bucketName"),
                Arrays.stream(text.apply("corsOrigins").orElse("http://localhost:3000").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                text.apply("eksOidcProviderArn").orElseThrow(() -> new IllegalArgumentException(missingOidc)),
                text.apply("namespace").orElse("image-pipeline"),
                text.apply("serviceAccount").orElse("image-pipeline"),
                text.apply("kedaServiceAccount").orElse("keda:keda-operator"),
                text.apply("alarmEmail"),
                Boolean.parseBoolean(text.apply("userPool").orElse("false")),
                Boolean.parseBoolean(text.apply("analysis").orElse("false")),
                text.apply("stateMachineArn"),
                Boolean.parseBoolean(text.apply("taskStateMachine").orElse("false")),
                Integer.parseInt(text.apply("pendingUploadDays").orElse("7")));
    }

    /** The same, from a map (tests). */
    public static StackSettings of(Map<String, String> context) {
        return fromContext(context::get);
    }

    public String ingestQueueName() {
        return prefix + "-ingest";
    }

    public String deadLetterQueueName() {
        return prefix + "-ingest-dlq";
    }

    public String jobsTableName() {
        return prefix + "-jobs";
    }

    /** The OIDC issuer (host and path, no scheme) that IAM uses as the prefix of its condition keys. */
    public String oidcIssuer() {
        return eksOidcProviderArn.substring(eksOidcProviderArn.indexOf(OIDC_PROVIDER_MARK) + OIDC_PROVIDER_MARK.length());
    }
}
