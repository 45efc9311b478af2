package jobs;

import imaging.dicom.DicomSummary;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The image item's attributes for what was found in an image besides its pixels: the DICOM summary
 * ({@code dicom}, a map) and what analysis found ({@code labels}, {@code moderation}: lists of maps), as
 * native DynamoDB types with the API's field names.
 */
final class FindingItems {

    static final String DICOM = "dicom";
    static final String LABELS = "labels";
    static final String MODERATION = "moderation";

    private static final String NAME = "name";
    private static final String CONFIDENCE = "confidence";

    private FindingItems() {
    }

    static AttributeValue dicom(DicomSummary dicom) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        putIfSet(m, "modality", dicom.modality());
        putIfSet(m, "bodyPart", dicom.bodyPart());
        if (dicom.rows() != null) {
            m.put("rows", JobItems.n(dicom.rows()));
        }
        if (dicom.columns() != null) {
            m.put("columns", JobItems.n(dicom.columns()));
        }
        putIfSet(m, "studyDate", dicom.studyDate());
        return AttributeValue.fromM(m);
    }

    static DicomSummary dicom(Map<String, AttributeValue> m) {
        return new DicomSummary(string(m, "modality"), string(m, "bodyPart"), integer(m, "rows"),
                integer(m, "columns"), string(m, "studyDate"));
    }

    static AttributeValue labels(List<Label> labels) {
        return AttributeValue.fromL(labels.stream().map(label -> AttributeValue.fromM(Map.of(
                NAME, JobItems.s(label.name()),
                CONFIDENCE, number(label.confidence()),
                "instances", AttributeValue.fromL(label.instances().stream().map(FindingItems::instance).toList()))))
                .toList());
    }

    static List<Label> labels(AttributeValue value) {
        return value.l().stream().map(AttributeValue::m).map(m -> new Label(m.get(NAME).s(), decimal(m, CONFIDENCE),
                m.get("instances").l().stream().map(i -> instance(i.m())).toList())).toList();
    }

    static AttributeValue moderation(List<ModerationLabel> labels) {
        return AttributeValue.fromL(labels.stream().map(label -> {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            m.put(NAME, JobItems.s(label.name()));
            putIfSet(m, "parent", label.parent());
            m.put(CONFIDENCE, number(label.confidence()));
            return AttributeValue.fromM(m);
        }).toList());
    }

    static List<ModerationLabel> moderation(AttributeValue value) {
        return value.l().stream().map(AttributeValue::m)
                .map(m -> new ModerationLabel(m.get(NAME).s(), string(m, "parent"), decimal(m, CONFIDENCE))).toList();
    }

    private static AttributeValue instance(LabelInstance instance) {
        Box box = instance.box();
        return AttributeValue.fromM(Map.of("box", AttributeValue.fromM(Map.of("left", JobItems.n(box.left()),
                "top", JobItems.n(box.top()), "width", JobItems.n(box.width()), "height", JobItems.n(box.height()))),
                CONFIDENCE, number(instance.confidence())));
    }

    private static LabelInstance instance(Map<String, AttributeValue> m) {
        Map<String, AttributeValue> box = m.get("box").m();
        return new LabelInstance(new Box(integer(box, "left"), integer(box, "top"), integer(box, "width"),
                integer(box, "height")), decimal(m, CONFIDENCE));
    }

    /** Plain decimal notation: DynamoDB numbers are decimal strings. */
    private static AttributeValue number(double value) {
        return AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString());
    }

    private static double decimal(Map<String, AttributeValue> m, String name) {
        return Double.parseDouble(m.get(name).n());
    }

    private static void putIfSet(Map<String, AttributeValue> m, String name, String value) {
        if (value != null) {
            m.put(name, JobItems.s(value));
        }
    }

    private static Integer integer(Map<String, AttributeValue> m, String name) {
        return m.containsKey(name) ? Integer.valueOf(m.get(name).n()) : null;
    }

    private static String string(Map<String, AttributeValue> m, String name) {
        return m.containsKey(name) ? m.get(name).s() : null;
    }
}
