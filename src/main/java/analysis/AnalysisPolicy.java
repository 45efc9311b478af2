package analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jobs.ModerationLabel;

/**
 * What a preset's images are analysed for ({@code app.presets.sets.<name>.analysis.*}).
 *
 * @param labels                  call DetectLabels: labels with the boxes of located objects
 * @param minConfidence           the least confidence of a label returned, 0-100 (Rekognition's MinConfidence)
 * @param maxLabels               the most labels returned, highest confidence first (MaxLabels)
 * @param moderation              whether DetectModerationLabels is called, and what its labels do
 * @param moderationMinConfidence the least confidence of a moderation label returned, 0-100
 * @param refuseCategories        with {@link Moderation#REFUSE}: the moderation categories that refuse an
 *                                image (a label refuses when it or a category above it is named); empty:
 *                                every label refuses
 */
public record AnalysisPolicy(boolean labels, float minConfidence, int maxLabels, Moderation moderation,
        float moderationMinConfidence, Set<String> refuseCategories) {

    /**
     * The longer side of the picture analysed: Rekognition reads at most 5 MB of bytes, and a 1600 px
     * JPEG stays well under it while keeping objects of a few percent of the picture detectable.
     */
    public static final int PICTURE_SIDE = 1600;

    public static final AnalysisPolicy OFF = new AnalysisPolicy(false, 55, 1, Moderation.OFF, 50, Set.of());

    public AnalysisPolicy {
        refuseCategories = Set.copyOf(refuseCategories);
        if (minConfidence < 0 || minConfidence > 100 || moderationMinConfidence < 0 || moderationMinConfidence > 100) {
            throw new IllegalArgumentException("analysis confidences are percentages, 0 to 100");
        }
        if (maxLabels < 1) {
            throw new IllegalArgumentException("analysis.max-labels must be 1 or more");
        }
    }

    /** Whether images are sent for analysis at all. */
    public boolean active() {
        return labels || moderation != Moderation.OFF;
    }

    /**
     * Rekognition calls per opaque image under this policy: the cost driver. A picture with transparent
     * pixels costs one more when moderated under a preset with a WebP or PNG variant (it is also looked at
     * laid on black, see imaging.AnalysisCopy).
     */
    public int callsPerImage() {
        return (labels ? 1 : 0) + (moderation != Moderation.OFF ? 1 : 0);
    }

    /**
     * The labels of those moderation found that refuse the image: none unless the policy refuses; then
     * every label, or those of the refused categories, following each label's parents through the labels
     * found (Rekognition returns a label's ancestors beside it).
     */
    public List<ModerationLabel> refusing(List<ModerationLabel> found) {
        if (moderation != Moderation.REFUSE || found == null) {
            return List.of();
        }
        if (refuseCategories.isEmpty()) {
            return found;
        }
        Map<String, String> parents = new HashMap<>();
        found.forEach(label -> parents.put(label.name(), label.parent()));
        return found.stream().filter(label -> refused(label, parents)).toList();
    }

    /** Whether the label, or a category above it, is refused; a cycle in the parents ends the walk. */
    private boolean refused(ModerationLabel label, Map<String, String> parents) {
        Set<String> seen = new HashSet<>();
        for (String name = label.name(); name != null && seen.add(name); name = parents.get(name)) {
            if (refuseCategories.contains(name)) {
                return true;
            }
        }
        return false;
    }
}
