package jobs;

/**
 * Unsafe or sensitive content that moderation found in an image, in the analyser's taxonomy
 * (Rekognition's: e.g. "Explicit Nudity" under "Explicit").
 *
 * @param parent     the category above it; null for a top-level category
 * @param confidence 0-100
 */
public record ModerationLabel(String name, String parent, double confidence) {
}
