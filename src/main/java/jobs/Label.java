package jobs;

import java.util.List;

/**
 * Something image analysis found in an image: an object, a scene, an activity or a concept.
 *
 * @param confidence 0-100
 * @param instances  where each instance of an object is (empty for scenes and concepts, and for objects
 *                   the analyser does not locate)
 */
public record Label(String name, double confidence, List<LabelInstance> instances) {

    public Label {
        instances = List.copyOf(instances);
    }
}
