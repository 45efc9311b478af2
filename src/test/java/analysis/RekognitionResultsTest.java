package analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import jobs.Box;
import jobs.Label;
import jobs.LabelInstance;
import jobs.ModerationLabel;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rekognition.model.BoundingBox;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsResponse;
import software.amazon.awssdk.services.rekognition.model.DetectModerationLabelsResponse;
import software.amazon.awssdk.services.rekognition.model.Instance;

/** Rekognition's answers as the record keeps them: boxes in displayed pixels, rounded confidences. */
class RekognitionResultsTest {

    @Test
    void boxesAreFractionsOfTheDisplayedImageInItsPixelsClippedToIt() {
        DetectLabelsResponse response = DetectLabelsResponse.builder().labels(
                software.amazon.awssdk.services.rekognition.model.Label.builder().name("Dog").confidence(97.12345f)
                        .instances(instance(0.5f, 0.25f, 0.25f, 0.5f, 95.5f),
                                instance(-0.02f, 0.9f, 0.2f, 0.2f, 60f),
                                Instance.builder().confidence(50f).build())
                        .build(),
                software.amazon.awssdk.services.rekognition.model.Label.builder().name("Grass").confidence(88f).build())
                .build();
        List<Label> labels = RekognitionResults.labels(response, 1800, 1200);
        assertEquals(List.of(
                new Label("Dog", 97.12, List.of(new LabelInstance(new Box(900, 300, 450, 600), 95.5),
                        new LabelInstance(new Box(0, 1080, 324, 120), 60.0))),
                new Label("Grass", 88.0, List.of())), labels);
    }

    @Test
    void aTopLevelModerationCategoryHasNoParent() {
        DetectModerationLabelsResponse response = DetectModerationLabelsResponse.builder().moderationLabels(
                b -> b.name("Explicit").parentName("").confidence(93.456f).taxonomyLevel(1),
                b -> b.name("Explicit Nudity").parentName("Explicit").confidence(93.4f).taxonomyLevel(2)).build();
        List<ModerationLabel> labels = RekognitionResults.moderation(response);
        assertEquals(List.of(new ModerationLabel("Explicit", null, 93.46),
                new ModerationLabel("Explicit Nudity", "Explicit", 93.4)), labels);
        assertNull(labels.get(0).parent());
    }

    private static Instance instance(float left, float top, float width, float height, float confidence) {
        return Instance.builder().confidence(confidence)
                .boundingBox(BoundingBox.builder().left(left).top(top).width(width).height(height).build()).build();
    }
}
