package pipeline;

import imaging.ImageRejectedException;
import jobs.ImageError;
import jobs.RecordTooLargeException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The code and sentence an image ends with when its failure is final: the types that
 * {@code routes/error-handling.yaml} lists as deterministic (the same input fails the same way, so no
 * retry). Looked up along the cause chain, as Camel matched it.
 */
final class FinalFailures {

    private FinalFailures() {
    }

    static ImageError of(Throwable caught) {
        for (Throwable t = caught; t != null; t = t.getCause()) {
            if (t instanceof ImageRejectedException rejected) {
                return new ImageError(rejected.code(), rejected.getMessage());
            }
            if (t instanceof NoSuchKeyException) {
                return new ImageError("source-not-found", "The source object no longer exists");
            }
            if (t instanceof RecordTooLargeException) {
                return new ImageError("record-too-large",
                        "The image's record would pass the job table's item size limit (400 KB)");
            }
            if (t instanceof RenderFailedException failed) {
                return new ImageError("internal", failed.getMessage());
            }
            if (t instanceof Error error) {
                return new ImageError("internal", "Rendering stopped with " + error.getClass().getSimpleName()
                        + "; not retried");
            }
        }
        return new ImageError("internal", String.valueOf(caught));
    }
}
