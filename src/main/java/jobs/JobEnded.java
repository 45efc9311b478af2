package jobs;

/**
 * A job has just ended: the write that counted its last image saw every image end. Fired once per end,
 * by the instance whose write that was (a dead letter replayed later may reopen the job and end it again).
 *
 * @param status    COMPLETED or FAILED
 * @param taskToken the Step Functions task token the job answers, or null for a job no task waits for
 */
public record JobEnded(String jobId, Status status, String taskToken) {
}
