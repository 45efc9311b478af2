package jobs;

import java.util.List;

/**
 * What image analysis found in an image. A list is null when that analysis did not run (off for the
 * preset, or skipped), and empty when it ran and found nothing.
 */
public record Analysis(List<Label> labels, List<ModerationLabel> moderation) {

    public static final Analysis NONE = new Analysis(null, null);

    public Analysis {
        labels = labels == null ? null : List.copyOf(labels);
        moderation = moderation == null ? null : List.copyOf(moderation);
    }
}
