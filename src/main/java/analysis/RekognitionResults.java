package analysis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import jobs.Box;
import jobs.Label;
import jobs.LabelInstance;
import jobs.ModerationLabel;
import software.amazon.awssdk.services.rekognition.model.BoundingBox;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsResponse;
import software.amazon.awssdk.services.rekognition.model.DetectModerationLabelsResponse;
import software.amazon.awssdk.services.rekognition.model.Instance;

/**
 * Rekognition's answers as the image record keeps them. Rekognition gives a bounding box as fractions of
 * the picture it analysed; that picture is the whole displayed image scaled down, so the same fractions
 * of the displayed size are the box in its pixels (rounded, and clipped to the image: Rekognition may
 * reach slightly past an edge). Confidences are rounded to 0.01.
 */
final class RekognitionResults {

    private RekognitionResults() {
    }

    /** The labels, in Rekognition's order (most confident first), boxes in pixels of a {@code width x height} image. */
    static List<Label> labels(DetectLabelsResponse response, int width, int height) {
        return response.labels().stream().map(label -> new Label(label.name(), percent(label.confidence()),
                label.instances().stream().filter(i -> i.boundingBox() != null)
                        .map(i -> instance(i, width, height)).toList())).toList();
    }

    /** The moderation labels; a top-level category (Rekognition's empty ParentName) has no parent. */
    static List<ModerationLabel> moderation(DetectModerationLabelsResponse response) {
        return response.moderationLabels().stream().map(label -> new ModerationLabel(label.name(),
                label.parentName() == null || label.parentName().isEmpty() ? null : label.parentName(),
                percent(label.confidence()))).toList();
    }

    /**
     * The moderation labels of two looks at one image: each label (name and parent) once, at the higher
     * of its confidences, in the order first seen.
     */
    static List<ModerationLabel> union(List<ModerationLabel> first, List<ModerationLabel> second) {
        Map<List<String>, ModerationLabel> labels = new LinkedHashMap<>();
        for (ModerationLabel label : Stream.concat(first.stream(), second.stream()).toList()) {
            labels.merge(Arrays.asList(label.name(), label.parent()), label,
                    (kept, other) -> kept.confidence() >= other.confidence() ? kept : other);
        }
        return List.copyOf(labels.values());
    }

    private static LabelInstance instance(Instance instance, int width, int height) {
        return new LabelInstance(box(instance.boundingBox(), width, height), percent(instance.confidence()));
    }

    static Box box(BoundingBox box, int width, int height) {
        double left = fraction(box.left());
        double top = fraction(box.top());
        int x0 = clip(Math.round(left * width), width);
        int y0 = clip(Math.round(top * height), height);
        int x1 = clip(Math.round((left + fraction(box.width())) * width), width);
        int y1 = clip(Math.round((top + fraction(box.height())) * height), height);
        return new Box(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    private static double fraction(Float value) {
        return Objects.requireNonNullElse(value, 0f);
    }

    private static int clip(long value, int max) {
        return (int) Math.max(0, Math.min(max, value));
    }

    private static double percent(Float value) {
        return value == null ? 0 : Math.round(value * 100.0) / 100.0;
    }
}
