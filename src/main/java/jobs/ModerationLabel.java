package jobs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Unsafe or sensitive content that moderation found in an image, in the analyser's taxonomy
 * (Rekognition's: e.g. "Explicit Nudity" under "Explicit").
 *
 * @param parent     the category above it; absent for a top-level category
 * @param confidence 0-100
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModerationLabel(String name, String parent, double confidence) {
}
