package analysis;

/**
 * The analyser will not analyse this picture, and would refuse it again: too small, or a request
 * Rekognition calls invalid (InvalidImageFormat, ImageTooLarge, InvalidParameter). Not retried.
 */
public class AnalysisRefusedException extends Exception {

    public AnalysisRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
