package tasks;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * The three Step Functions calls a task worker makes with a task token. A token Step Functions no longer
 * knows (the task timed out or was answered already: {@code TaskTimedOut}; a malformed or foreign token:
 * {@code InvalidToken}; {@code TaskDoesNotExist}) is {@link Answer#TASK_CLOSED}: no retry can help. Any
 * other failure (throttling, a network error) is thrown, for the caller to retry.
 *
 * <p>Limits (Step Functions API reference): a token is 1-2,048 characters, {@code error} at most 256,
 * {@code cause} at most 32,768, {@code output} at most 262,144 characters of JSON.
 */
@ApplicationScoped
public class StepFunctions {

    public static final int MAX_TOKEN = 2048;
    public static final int MAX_ERROR = 256;
    public static final int MAX_CAUSE = 32_768;
    public static final int MAX_OUTPUT = 262_144;

    /** What became of a call. */
    public enum Answer { DELIVERED, TASK_CLOSED }

    private final SfnClient sfn;

    public StepFunctions(SfnClient sfn) {
        this.sfn = sfn;
    }

    /** {@code SendTaskSuccess} with the task's output (JSON). */
    public Answer success(String token, String output) {
        return call(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output(output)));
    }

    /** {@code SendTaskFailure}; both texts are cut to Step Functions' limits. */
    public Answer failure(String token, String error, String cause) {
        return call(() -> sfn.sendTaskFailure(r -> r.taskToken(token).error(cut(error, MAX_ERROR))
                .cause(cut(cause, MAX_CAUSE))));
    }

    /** {@code SendTaskHeartbeat}: the task is still being worked on. */
    public Answer heartbeat(String token) {
        return call(() -> sfn.sendTaskHeartbeat(r -> r.taskToken(token)));
    }

    private static Answer call(Runnable request) {
        try {
            request.run();
            return Answer.DELIVERED;
        } catch (TaskTimedOutException | InvalidTokenException | TaskDoesNotExistException closed) {
            return Answer.TASK_CLOSED;
        }
    }

    /** At most {@code max} characters, never half a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }
}
