package compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jobs.ImageRecord;
import support.Json;

/**
 * Object detections in the async batch API's form, from an image record's analysis labels as
 * {@code GET /v1/jobs/{jobId}} serves them ({@code labels[].instances[].box} in pixels of the displayed
 * image, confidences 0-100): one detection per located instance, {@code confidence} 0-1, {@code bbox}
 * {@code [left, top, right, bottom]} in the same pixels. A label without instances (a scene, a concept,
 * an object the analyser does not locate) has no box and is left out, as the old API gave detections only
 * for objects it could draw.
 */
public final class Detections {

    /** One detected object. */
    public record Detection(String label, double confidence, List<Integer> bbox) {
    }

    private Detections() {
    }

    /** The image's detections; empty when analysis did not run or found nothing it could locate. */
    public static List<Detection> of(ImageRecord image) {
        return of(labels(image));
    }

    /** The detections in labels as the API serves them (absent or empty: none). */
    static List<Detection> of(JsonNode labels) {
        List<Detection> detections = new ArrayList<>();
        for (JsonNode label : labels) {
            for (JsonNode instance : label.path("instances")) {
                JsonNode box = instance.path("box");
                if (!box.isObject()) {
                    continue;
                }
                int left = box.path("left").asInt();
                int top = box.path("top").asInt();
                double confidence = instance.has("confidence") ? instance.path("confidence").asDouble()
                        : label.path("confidence").asDouble();
                detections.add(new Detection(label.path("name").asText(), fraction(confidence),
                        List.of(left, top, left + box.path("width").asInt(), top + box.path("height").asInt())));
            }
        }
        return detections;
    }

    /** The image's labels as the API serves them ({@code name}, {@code confidence} 0-100, instances); may be empty. */
    static JsonNode labels(ImageRecord image) {
        return Json.MAPPER.valueToTree(image).path("labels");
    }

    /** A 0-100 confidence as 0-1, to four decimals. */
    static double fraction(double percent) {
        return Math.round(percent * 100) / 10_000.0;
    }
}
