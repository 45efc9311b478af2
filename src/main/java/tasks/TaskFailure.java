package tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jobs.ImageRecord;
import jobs.Job;
import jobs.Status;
import support.Json;

/**
 * What {@code SendTaskFailure} says: {@code error}, a stable code a state machine's {@code Catch} or
 * {@code Retry} can name, and {@code cause}, a small JSON object ({@code States.StringToJson} reads it)
 * with a sentence in {@code message}.
 *
 * <ul>
 * <li>A job that ended FAILED: the code of its first failed image (by index), e.g. {@code not-an-image};
 *     the cause names the job, how many images failed and that image.</li>
 * <li>A task message refused before any job existed: the API's code for the same request
 *     ({@code invalid-request}, {@code forbidden-source}, {@code source-not-found}).</li>
 * <li>Retries ran out while starting the job: {@code internal}.</li>
 * </ul>
 */
public record TaskFailure(String error, String cause) {

    /** The failure of a job that ended FAILED. */
    public static TaskFailure of(Job job) {
        List<ImageRecord> failed = job.images().stream().filter(i -> i.status() == Status.FAILED).toList();
        ImageRecord first = failed.isEmpty() ? null : failed.get(0);
        String error = first == null || first.error() == null ? "internal" : first.error().code();
        Map<String, Object> cause = new LinkedHashMap<>();
        cause.put("jobId", job.jobId());
        cause.put("imageCount", job.images().size());
        cause.put("failedCount", failed.size());
        if (first != null) {
            cause.put("image", "s3://" + first.source().bucket() + "/" + first.source().key());
        }
        cause.put("message", "%d of %d images failed; the first, %s: %s".formatted(failed.size(), job.images().size(),
                first == null ? "?" : first.name(), first == null || first.error() == null ? "no reason recorded"
                        : first.error().message()));
        return new TaskFailure(error, Json.write(cause));
    }

    /** A refusal or an internal failure before the job existed (or before it was queued). */
    public static TaskFailure refused(String code, String message) {
        Map<String, Object> cause = new LinkedHashMap<>();
        cause.put("message", message);
        return new TaskFailure(code, Json.write(cause));
    }
}
