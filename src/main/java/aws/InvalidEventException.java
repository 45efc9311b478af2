package aws;

/** A queue message that is not an S3 event notification: it goes to the dead-letter queue as it is. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidEventException(String message) {
        super(message);
    }
}
