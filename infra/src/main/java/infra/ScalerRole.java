package infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * The role KEDA's {@code aws-sqs-queue} scaler reads the ingest queue's depth with
 * ({@code TriggerAuthentication} {@code podIdentity: {provider: aws, roleArn: ...}}): the KEDA operator's
 * service account assumes it through IRSA, and it may only read the queue's attributes, so the autoscaler
 * never holds the service's own permissions.
 */
public final class ScalerRole extends Construct {

    private final Role role;

    public ScalerRole(Construct scope, String id, StackSettings settings, IngestQueues queues) {
        super(scope, id);
        String[] keda = settings.kedaServiceAccount().split(":");
        role = Role.Builder.create(this, "Role")
                .roleName(settings.prefix() + "-keda-scaler")
                .description("KEDA reads the image pipeline's ingest queue depth")
                .assumedBy(WorkloadIdentity.serviceAccount(settings, keda[0], keda[1]))
                .inlinePolicies(Map.of("scaler", PolicyDocument.Builder.create()
                        .statements(List.of(PolicyStatement.Builder.create()
                                .sid("ReadIngestQueueDepth")
                                .actions(List.of("sqs:GetQueueAttributes"))
                                .resources(List.of(queues.ingest().getQueueArn()))
                                .build()))
                        .build()))
                .build();
    }

    public Role role() {
        return role;
    }
}
