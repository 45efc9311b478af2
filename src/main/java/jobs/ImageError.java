package jobs;

/** Why an image ended FAILED: a stable code and a sentence for people. */
public record ImageError(String code, String message) {
}
