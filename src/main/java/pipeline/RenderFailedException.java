package pipeline;

/**
 * The image engine failed on this input in a way it did not foresee (an encoder's own limit, a decoder
 * bug): the same bytes fail the same way, so the image ends FAILED at once instead of being retried.
 */
public class RenderFailedException extends Exception {

    public RenderFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
