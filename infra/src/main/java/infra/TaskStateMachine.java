package infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.CustomState;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.constructs.Construct;

/**
 * An example state machine that uses the service as one of its tasks (the SQS callback pattern, README
 * "Step Functions"): a {@code sqs:sendMessage.waitForTaskToken} task puts a task message on the ingest
 * queue, marked {@code messageType=task}, and waits for the service's {@code SendTaskSuccess} (the job) or
 * {@code SendTaskFailure} (an error code). Its input: {@code {"images": ["s3://<bucket>/uploads/<owner>/...",
 * ...], "preset": "default"}}; the job's metadata names the execution. Copy the task into a state machine of
 * your own, or start this one as it is.
 */
public final class TaskStateMachine extends Construct {

    /**
     * The task fails with {@code States.HeartbeatTimeout} when no heartbeat came for this long. The service
     * beats every {@code app.sfn.heartbeat-interval} (60 s) while it has the job, so this only trips when
     * it is gone or cut off; keep it a few intervals long.
     */
    public static final int HEARTBEAT_SECONDS = 300;
    /** The longest a whole batch may take, queueing included. */
    public static final int TIMEOUT_SECONDS = 3600;
    /** The codes of images the pipeline refused (the job's first failed image's code is the task's error). */
    public static final List<String> IMAGE_ERRORS = List.of("not-an-image", "unsupported-format", "truncated",
            "corrupt", "too-large", "too-many-pixels", "too-complex", "moderated", "record-too-large");
    /**
     * The codes of a task message the batch rules refused (as {@code POST /v1/jobs} would);
     * {@code source-not-found} is also an image's code when its object was deleted before it was read.
     */
    public static final List<String> REQUEST_ERRORS = List.of("invalid-request", "forbidden-source",
            "source-not-found");
    /** Retries ran out inside the service: worth another try from the state machine. */
    public static final String INTERNAL = "internal";

    private final StateMachine stateMachine;

    public TaskStateMachine(Construct scope, String id, StackSettings settings, IngestQueues queues) {
        super(scope, id);
        // A CustomState, as CDK's SqsSendMessage cannot set MessageAttributes.
        CustomState render = CustomState.Builder.create(this, "Render images").stateJson(Map.of(
                "Type", "Task",
                "Comment", "The image pipeline renders the images as one job and answers with the job or an error code",
                "Resource", "arn:" + Aws.PARTITION + ":states:::sqs:sendMessage.waitForTaskToken",
                "Parameters", Map.of(
                        "QueueUrl", queues.ingest().getQueueUrl(),
                        "MessageBody", Map.of(
                                "taskToken.$", "$$.Task.Token",
                                "images.$", "$.images",
                                "preset.$", "$.preset",
                                "metadata", Map.of("execution.$", "$$.Execution.Id")),
                        "MessageAttributes", Map.of("messageType", Map.of("DataType", "String", "StringValue", "task"))),
                "HeartbeatSeconds", HEARTBEAT_SECONDS,
                "TimeoutSeconds", TIMEOUT_SECONDS,
                "ResultPath", "$.job")).build();
        render.addRetry(RetryProps.builder().errors(List.of(INTERNAL)).interval(Duration.seconds(30)).maxAttempts(2)
                .backoffRate(2).build());
        render.addCatch(fail("Images refused"), CatchProps.builder().errors(IMAGE_ERRORS).resultPath("$.error").build());
        render.addCatch(fail("Request refused"), CatchProps.builder().errors(REQUEST_ERRORS).resultPath("$.error").build());
        // States.HeartbeatTimeout, States.Timeout, internal after the retries
        render.addCatch(fail("Pipeline failed"), CatchProps.builder().errors(List.of("States.ALL")).resultPath("$.error")
                .build());
        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(settings.prefix() + "-render-task")
                .definitionBody(DefinitionBody.fromChainable(render.next(new Succeed(this, "Rendered"))))
                .build();
        queues.ingest().grantSendMessages(stateMachine);
    }

    private Fail fail(String name) {
        return Fail.Builder.create(this, name).errorPath("$.error.Error").causePath("$.error.Cause").build();
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }
}
