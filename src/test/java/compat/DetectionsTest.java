package compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import support.Json;

/** The async batch API's detections from the labels GET /v1/jobs/{jobId} serves (api-v1 "Analysis"). */
class DetectionsTest {

    @Test
    void eachLocatedInstanceIsADetectionWithItsCornersAndAFraction() throws Exception {
        String labels = """
                [{"name": "Car", "confidence": 98.5, "instances": [
                    {"box": {"left": 10, "top": 20, "width": 300, "height": 150}, "confidence": 97.123456},
                    {"box": {"left": 400, "top": 0, "width": 50, "height": 40}}]},
                 {"name": "Road", "confidence": 91.0, "instances": []},
                 {"name": "Vehicle", "confidence": 98.5}]
                """;
        List<Detections.Detection> found = Detections.of(Json.MAPPER.readTree(labels));
        assertEquals(List.of(
                new Detections.Detection("Car", 0.9712, List.of(10, 20, 310, 170)),
                new Detections.Detection("Car", 0.985, List.of(400, 0, 450, 40))), found,
                "instances only (labels without a box are left out); an instance without a confidence takes its label's");
    }

    @Test
    void noLabelsNoDetections() {
        assertEquals(List.of(), Detections.of(MissingNode.getInstance()));
        assertEquals(List.of(), Detections.of(Json.MAPPER.createArrayNode()));
    }
}
