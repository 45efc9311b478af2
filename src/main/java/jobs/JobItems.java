package jobs;

import imaging.ExifSummary;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import support.Json;

/**
 * Maps jobs to DynamoDB items and back, with native attribute types (maps, lists, numbers), so the
 * table is readable in the AWS console and queryable by owner and creation time.
 */
public final class JobItems {

    public static final String KEY = "jobId";

    private JobItems() {
    }

    public static Map<String, AttributeValue> key(String jobId) {
        return Map.of(KEY, s(jobId));
    }

    public static Map<String, AttributeValue> toItem(Job job) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY, s(job.jobId()));
        item.put("owner", s(job.owner()));
        item.put("status", s(job.status().name()));
        item.put("preset", s(job.preset()));
        item.put("metadata", AttributeValue.fromS(Json.write(job.metadata())));
        item.put("createdAt", s(job.createdAt().toString()));
        item.put("updatedAt", s(job.updatedAt().toString()));
        item.put("images", AttributeValue.fromL(job.images().stream().map(JobItems::image).toList()));
        item.put("version", n(job.version()));
        return item;
    }

    public static Job fromItem(Map<String, AttributeValue> item) {
        return new Job(item.get(KEY).s(), item.get("owner").s(), Status.valueOf(item.get("status").s()),
                item.get("preset").s(), Json.readMap(item.get("metadata").s()),
                Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s()),
                item.get("images").l().stream().map(a -> image(a.m())).toList(),
                Long.parseLong(item.get("version").n()));
    }

    private static AttributeValue image(ImageRecord image) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("name", s(image.name()));
        SourceObject src = image.source();
        Map<String, AttributeValue> source = new LinkedHashMap<>();
        source.put("bucket", s(src.bucket()));
        source.put("key", s(src.key()));
        putIfSet(source, "bytes", src.bytes() == null ? null : n(src.bytes()));
        putIfSet(source, "contentType", src.contentType() == null ? null : s(src.contentType()));
        m.put("source", AttributeValue.fromM(source));
        m.put("status", s(image.status().name()));
        putIfSet(m, "width", image.width() == null ? null : n(image.width()));
        putIfSet(m, "height", image.height() == null ? null : n(image.height()));
        putIfSet(m, "format", image.format() == null ? null : s(image.format()));
        putIfSet(m, "animated", image.animated() == null ? null : AttributeValue.fromBool(image.animated()));
        if (image.exif() != null) {
            m.put("exif", exif(image.exif()));
        }
        if (image.variants() != null) {
            m.put("variants", AttributeValue.fromL(image.variants().stream().map(JobItems::variant).toList()));
        }
        putIfSet(m, "placeholder", image.placeholder() == null ? null : s(image.placeholder()));
        if (image.error() != null) {
            m.put("error", AttributeValue.fromM(Map.of("code", s(image.error().code()),
                    "message", s(image.error().message()))));
        }
        putIfSet(m, "leaseUntil", image.leaseUntil() == null ? null : s(image.leaseUntil().toString()));
        return AttributeValue.fromM(m);
    }

    private static ImageRecord image(Map<String, AttributeValue> m) {
        Map<String, AttributeValue> src = m.get("source").m();
        SourceObject source = new SourceObject(src.get("bucket").s(), src.get("key").s(),
                src.containsKey("bytes") ? Long.valueOf(src.get("bytes").n()) : null,
                src.containsKey("contentType") ? src.get("contentType").s() : null);
        List<VariantRecord> variants = m.containsKey("variants")
                ? m.get("variants").l().stream().map(v -> variant(v.m())).toList() : null;
        ImageError error = m.containsKey("error")
                ? new ImageError(m.get("error").m().get("code").s(), m.get("error").m().get("message").s()) : null;
        // Records written before images had names take their file's name.
        String name = m.containsKey("name") ? m.get("name").s() : StorageLayout.imageName(source.key());
        return new ImageRecord(name, source, Status.valueOf(m.get("status").s()), integer(m, "width"), integer(m, "height"),
                string(m, "format"), m.containsKey("animated") ? m.get("animated").bool() : null,
                m.containsKey("exif") ? exif(m.get("exif").m()) : null, variants, string(m, "placeholder"), null, error,
                m.containsKey("leaseUntil") ? Instant.parse(m.get("leaseUntil").s()) : null);
    }

    private static AttributeValue exif(ExifSummary exif) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        putIfSet(m, "make", exif.make() == null ? null : s(exif.make()));
        putIfSet(m, "model", exif.model() == null ? null : s(exif.model()));
        putIfSet(m, "takenAt", exif.takenAt() == null ? null : s(exif.takenAt()));
        m.put("orientation", n(exif.orientation()));
        m.put("gps", AttributeValue.fromBool(exif.gps()));
        return AttributeValue.fromM(m);
    }

    private static ExifSummary exif(Map<String, AttributeValue> m) {
        return new ExifSummary(string(m, "make"), string(m, "model"), string(m, "takenAt"), integer(m, "orientation"),
                m.get("gps").bool());
    }

    private static AttributeValue variant(VariantRecord v) {
        return AttributeValue.fromM(Map.of("name", s(v.name()), "width", n(v.width()), "height", n(v.height()),
                "format", s(v.format()), "bytes", n(v.bytes()), "key", s(v.key())));
    }

    private static VariantRecord variant(Map<String, AttributeValue> m) {
        return new VariantRecord(m.get("name").s(), integer(m, "width"), integer(m, "height"), m.get("format").s(),
                Long.parseLong(m.get("bytes").n()), m.get("key").s(), null);
    }

    private static void putIfSet(Map<String, AttributeValue> m, String name, AttributeValue value) {
        if (value != null) {
            m.put(name, value);
        }
    }

    private static Integer integer(Map<String, AttributeValue> m, String name) {
        return m.containsKey(name) ? Integer.valueOf(m.get(name).n()) : null;
    }

    private static String string(Map<String, AttributeValue> m, String name) {
        return m.containsKey(name) ? m.get(name).s() : null;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
