package infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * The service's IAM role, assumed by its Kubernetes service account (IRSA). Each statement names the
 * exact actions the service calls on the exact resources it calls them on; optional features (image
 * analysis, Step Functions callbacks, accounts) add theirs only when enabled. Written out rather than
 * built with CDK's {@code grant*} helpers, which grant families of actions ({@code s3:GetObject*},
 * {@code s3:List*}, ...).
 */
public final class ServiceRole extends Construct {

    private final Role role;

    /**
     * The resources the service uses; {@code accounts} is null when the stack makes no user pool,
     * {@code tasks} when it makes no example state machine.
     */
    public record Resources(Storage storage, IngestQueues queues, JobsTable jobs, AccountsPool accounts,
            TaskStateMachine tasks) {
    }

    public ServiceRole(Construct scope, String id, StackSettings settings, Resources resources) {
        super(scope, id);
        role = Role.Builder.create(this, "Role")
                .roleName(settings.prefix() + "-service")
                .description("The image pipeline service (Kubernetes service account "
                        + settings.namespace() + "/" + settings.serviceAccount() + ")")
                .assumedBy(WorkloadIdentity.serviceAccount(settings, settings.namespace(), settings.serviceAccount()))
                .inlinePolicies(Map.of("service", PolicyDocument.Builder.create()
                        .statements(statements(settings, resources)).build()))
                .build();
    }

    private static List<PolicyStatement> statements(StackSettings settings, Resources r) {
        String bucketArn = r.storage().bucket().getBucketArn();
        List<PolicyStatement> statements = new ArrayList<>(List.of(
                // Sources are read (GetObject also answers HeadObject) and presigned uploads are signed with this
                // role, so PutObject on uploads/; variants are written and their presigned GETs signed.
                allow("ReadAndWriteImages", List.of("s3:GetObject", "s3:PutObject"),
                        bucketArn + "/" + Storage.UPLOADS + "*", bucketArn + "/" + Storage.PROCESSED + "*"),
                // The batch API checks that listed objects exist: with ListBucket a missing one is a 404, not a 403.
                allow("CheckObjectsExist", List.of("s3:ListBucket"), bucketArn),
                // Objects are SSE-KMS: writing needs a data key, reading (and presigned GETs) needs Decrypt.
                allow("UseTheBucketKey", List.of("kms:Decrypt", "kms:GenerateDataKey"), r.storage().key().getKeyArn()),
                allow("ConsumeIngestQueue", List.of("sqs:ReceiveMessage", "sqs:DeleteMessage",
                        "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:SendMessage"),
                        r.queues().ingest().getQueueArn()),
                // Dead letters are sent here and replayed from here.
                allow("DeadLetters", List.of("sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                        "sqs:GetQueueUrl", "sqs:GetQueueAttributes"), r.queues().deadLetters().getQueueArn()),
                // A job's items are written with BatchWriteItem (a header and one item per image).
                allow("Jobs", List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                        "dynamodb:BatchWriteItem", "dynamodb:Query", "dynamodb:DeleteItem"),
                        r.jobs().table().getTableArn()),
                allow("JobsByOwner", List.of("dynamodb:Query"),
                        r.jobs().table().getTableArn() + "/index/" + JobsTable.OWNER_INDEX)));
        if (settings.analysis()) {
            // Rekognition's Detect* calls have no resource-level permissions: the one "*" resource here.
            statements.add(allow("AnalyseImages",
                    List.of("rekognition:DetectLabels", "rekognition:DetectModerationLabels"), "*"));
        }
        List<String> stateMachines = new ArrayList<>();
        settings.stateMachineArn().ifPresent(stateMachines::add);
        if (r.tasks() != null) {
            stateMachines.add(r.tasks().stateMachine().getStateMachineArn());
        }
        if (!stateMachines.isEmpty()) {
            // task tokens are answered with the calls of the state machine that issued them
            statements.add(allow("AnswerStepFunctionsTasks", List.of("states:SendTaskSuccess",
                    "states:SendTaskFailure", "states:SendTaskHeartbeat"), stateMachines.toArray(String[]::new)));
        }
        if (r.accounts() != null) {
            statements.add(allow("Accounts", List.of("cognito-idp:SignUp", "cognito-idp:ConfirmSignUp",
                    "cognito-idp:InitiateAuth", "cognito-idp:ForgotPassword", "cognito-idp:ConfirmForgotPassword",
                    "cognito-idp:RevokeToken", "cognito-idp:GlobalSignOut", "cognito-idp:GetUser",
                    "cognito-idp:DescribeUserPool"), r.accounts().pool().getUserPoolArn()));
        }
        return statements;
    }

    private static PolicyStatement allow(String sid, List<String> actions, String... resources) {
        return PolicyStatement.Builder.create().sid(sid).actions(actions).resources(List.of(resources)).build();
    }

    public Role role() {
        return role;
    }
}
