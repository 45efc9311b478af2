package infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Everything the service needs in AWS, in one stack: the bucket and its key, the upload notification to
 * the ingest queue, the queues, the jobs table, the service's and the autoscaler's IAM roles, the alarms
 * and (optionally) the Cognito user pool and an example state machine that uses the service as a task.
 * The outputs are what {@code k8s/} needs filled in.
 */
public final class ImagePipelineStack extends Stack {

    public ImagePipelineStack(Construct scope, String id, StackProps props, StackSettings settings) {
        super(scope, id, props);
        Storage storage = new Storage(this, "Storage", settings);
        IngestQueues queues = new IngestQueues(this, "Queues", settings, storage.bucketArn());
        storage.notifyUploadsTo(queues);
        JobsTable jobs = new JobsTable(this, "Jobs", settings);
        AccountsPool accounts = settings.userPool() ? new AccountsPool(this, "Accounts", settings) : null;
        TaskStateMachine tasks = settings.taskStateMachine() ? new TaskStateMachine(this, "Tasks", settings, queues) : null;
        ServiceRole service = new ServiceRole(this, "Service", settings,
                new ServiceRole.Resources(storage, queues, jobs, accounts, tasks));
        ScalerRole scaler = new ScalerRole(this, "Scaler", settings, queues);
        Alarms alarms = new Alarms(this, "Alarms", settings, queues);

        output("BucketName", storage.bucket().getBucketName(), "APP_BUCKET");
        output("IngestQueueName", queues.ingest().getQueueName(), "APP_INGEST_QUEUE");
        output("IngestQueueUrl", queues.ingest().getQueueUrl(), "KEDA ScaledObject queueURL");
        output("DeadLetterQueueName", queues.deadLetters().getQueueName(), "APP_INGEST_DLQ");
        output("JobsTableName", jobs.table().getTableName(), "APP_JOBS_TABLE");
        output("ServiceRoleArn", service.role().getRoleArn(), "ServiceAccount eks.amazonaws.com/role-arn");
        output("ScalerRoleArn", scaler.role().getRoleArn(), "KEDA TriggerAuthentication podIdentity.roleArn");
        output("AlarmTopicArn", alarms.topic().getTopicArn(), "alarms and their recoveries");
        if (tasks != null) {
            output("TaskStateMachineArn", tasks.stateMachine().getStateMachineArn(), "start executions with "
                    + "{\"images\": [\"s3://<bucket>/uploads/<owner>/...\"], \"preset\": \"default\"}");
        }
        if (accounts != null) {
            output("UserPoolId", accounts.pool().getUserPoolId(), "COGNITO_USER_POOL_ID (the token issuer follows from it)");
            output("UserPoolClientId", accounts.client().getUserPoolClientId(), "COGNITO_CLIENT_ID and OIDC_CLIENT_IDS");
        }
    }

    private void output(String id, String value, String usedAs) {
        CfnOutput.Builder.create(this, id).value(value).description(usedAs).build();
    }
}
