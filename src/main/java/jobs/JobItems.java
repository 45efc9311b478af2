package jobs;

import imaging.ExifSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import support.Json;
import tracing.TraceParent;

/**
 * The job table's layout: one partition per job ({@code pk} = job id) holding a header item
 * ({@code sk = JOB}: owner, status, preset, metadata, times and the image counters) and one item per
 * image ({@code sk = IMAGE#0000}, zero-padded so a Query returns them in order). Only headers carry
 * {@code owner} and {@code createdAt} as attributes of their own, so the owner index ({@code owner-createdAt})
 * holds nothing else. Each image item carries a copy of what a worker needs of its job ({@value #JOB}), so a
 * claim reads no other item (but for a task's job, and an item written before images carried the copy:
 * {@link #copiedFacts}). Native attribute types (maps, lists, numbers) keep the table readable in the
 * AWS console.
 */
public final class JobItems {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String HEADER = "JOB";
    public static final String OWNER_INDEX = "owner-createdAt";
    /** Batches take 1 to 50 images; the sort key's four digits leave room. */
    static final int MAX_IMAGES = 10_000;
    private static final String IMAGE_PREFIX = "IMAGE#";

    // Header attributes; owner, createdAt and the summary ones are what the owner index holds.
    static final String OWNER = "owner";
    static final String STATUS = "status";
    static final String PRESET = "preset";
    static final String METADATA = "metadata";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    public static final String IMAGE_COUNT = "imageCount";
    public static final String COMPLETED_COUNT = "completedCount";
    public static final String FAILED_COUNT = "failedCount";
    /** The indexes of the images that have ended (a number set): an end counts once. */
    static final String ENDED = "ended";
    /** The Step Functions task token of a job created for a task message; absent otherwise. */
    static final String TASK_TOKEN = "taskToken";

    // Image attributes (status as above).
    static final String NAME = "name";
    static final String SOURCE = "source";
    static final String BUCKET = "bucket";
    static final String KEY = "key";
    static final String WIDTH = "width";
    static final String HEIGHT = "height";
    static final String FORMAT = "format";
    static final String ANIMATED = "animated";
    static final String EXIF = "exif";
    static final String VARIANTS = "variants";
    static final String PLACEHOLDER = "placeholder";
    static final String ERROR = "error";
    /** While PROCESSING: when the worker's lease lapses, in epoch milliseconds. */
    static final String LEASE_UNTIL = "leaseUntil";
    /** The fencing token of the last claim: the holder's writes are conditional on it. */
    static final String LEASE_TOKEN = "leaseToken";
    /** Bumped by every transition of the image (claim, end): a change marker for operators and tests. */
    public static final String REVISION = "revision";
    /** On the header: the W3C trace context of the request that created the job, which its images continue. */
    public static final String TRACEPARENT = TraceParent.NAME;
    /**
     * On image items: the job's owner, preset, image count and trace context (a map), copied from the
     * header when the job is written (none of them changes afterwards). A Step Functions task's token (up
     * to 2 KB, which every write of every image would carry) stays on the header: {@value #HAS_TASK} says
     * there is one.
     */
    public static final String JOB = "job";
    static final String HAS_TASK = "hasTask";
    /** How often the image was worked on: each claim and each retry of a failed step. */
    public static final String ATTEMPTS = "attempts";

    /** Fixed width, so that the owner index (a string range key) sorts by time. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private JobItems() {
    }

    public static Map<String, AttributeValue> headerKey(String jobId) {
        return Map.of(PK, s(jobId), SK, s(HEADER));
    }

    public static Map<String, AttributeValue> imageKey(ImageRef ref) {
        return Map.of(PK, s(ref.jobId()), SK, s(IMAGE_PREFIX + "%04d".formatted(ref.index())));
    }

    /** The owner index's key of a job's header, where a listing resumes. */
    static Map<String, AttributeValue> indexKey(String owner, PageKey key) {
        return Map.of(PK, s(key.jobId()), SK, s(HEADER), OWNER, s(owner), CREATED_AT, time(key.createdAt()));
    }

    /** A new job's header; taskToken and traceparent may be null. */
    static Map<String, AttributeValue> header(Job job, String taskToken, String traceparent) {
        Map<String, AttributeValue> item = new HashMap<>(headerKey(job.jobId()));
        item.putAll(jobFacts(job, taskToken, traceparent));
        item.put(STATUS, s(job.status().name()));
        item.put(METADATA, s(Json.write(job.metadata())));
        item.put(CREATED_AT, time(job.createdAt()));
        item.put(UPDATED_AT, time(job.updatedAt()));
        item.put(COMPLETED_COUNT, n(0));
        item.put(FAILED_COUNT, n(0));
        return item;
    }

    /** A new job's image item; {@code job} is its job's {@link #imageCopy}. */
    static Map<String, AttributeValue> image(ImageRef ref, ImageRecord image, AttributeValue job) {
        Map<String, AttributeValue> item = new HashMap<>(imageKey(ref));
        item.put(NAME, s(image.name()));
        item.put(SOURCE, source(image.source()));
        item.put(STATUS, s(image.status().name()));
        item.put(REVISION, n(0));
        item.put(JOB, job);
        return item;
    }

    /** The attributes of a job that its header holds, beside its status, metadata, times and counters. */
    static Map<String, AttributeValue> jobFacts(Job job, String taskToken, String traceparent) {
        Map<String, AttributeValue> facts = new HashMap<>();
        facts.put(OWNER, s(job.owner()));
        facts.put(PRESET, s(job.preset()));
        facts.put(IMAGE_COUNT, n(job.images().size()));
        if (taskToken != null) {
            facts.put(TASK_TOKEN, s(taskToken));
        }
        if (traceparent != null) {
            facts.put(TRACEPARENT, s(traceparent));
        }
        return facts;
    }

    /** The copy of a job's facts its image items carry ({@link #JOB}): all but the task token. */
    static AttributeValue imageCopy(Map<String, AttributeValue> jobFacts) {
        Map<String, AttributeValue> copy = new HashMap<>(jobFacts);
        if (copy.remove(TASK_TOKEN) != null) {
            copy.put(HAS_TASK, AttributeValue.fromBool(true));
        }
        return AttributeValue.fromM(copy);
    }

    /**
     * The job's facts as an image item carries them; empty when its worker must read them from the header:
     * a Step Functions task's job (the token is only there), or an item written before image items carried
     * them.
     */
    static Optional<Map<String, AttributeValue>> copiedFacts(Map<String, AttributeValue> image) {
        Map<String, AttributeValue> job = copy(image);
        return job.containsKey(OWNER) && job.containsKey(PRESET) && job.containsKey(IMAGE_COUNT)
                && !job.containsKey(HAS_TASK) ? Optional.of(job) : Optional.empty();
    }

    /** The image count of its job an image item carries; 0 when it carries none. */
    static int imageCount(Map<String, AttributeValue> image) {
        Map<String, AttributeValue> job = copy(image);
        return job.containsKey(IMAGE_COUNT) ? Integer.parseInt(job.get(IMAGE_COUNT).n()) : 0;
    }

    private static Map<String, AttributeValue> copy(Map<String, AttributeValue> image) {
        return image.containsKey(JOB) ? image.get(JOB).m() : Map.of();
    }

    /**
     * The claim that an image item, as it was before its claim, makes for its worker, with its job's facts
     * ({@link #copiedFacts}, or the header).
     */
    static ImageClaim claim(ImageRef ref, Map<String, AttributeValue> image, Map<String, AttributeValue> job,
            String leaseToken, Instant leaseUntil) {
        ImageRecord record = imageRecord(image);
        return new ImageClaim(ref, job.get(OWNER).s(), job.get(PRESET).s(), Integer.parseInt(job.get(IMAGE_COUNT).n()),
                record.name(), record.source(), leaseToken, leaseUntil, string(job, TASK_TOKEN),
                string(job, TRACEPARENT));
    }

    /** A job from its partition: the header and its image items in any order. */
    public static Job job(List<Map<String, AttributeValue>> items) {
        Map<String, AttributeValue> header = null;
        List<Map<String, AttributeValue>> images = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            if (HEADER.equals(item.get(SK).s())) {
                header = item;
            } else {
                images.add(item);
            }
        }
        if (header == null) {
            throw new IllegalArgumentException("The items hold no job header");
        }
        images.sort((a, b) -> a.get(SK).s().compareTo(b.get(SK).s()));
        return new Job(header.get(PK).s(), header.get(OWNER).s(), Status.valueOf(header.get(STATUS).s()),
                header.get(PRESET).s(), Json.readMap(header.get(METADATA).s()), instant(header, CREATED_AT),
                instant(header, UPDATED_AT), images.stream().map(JobItems::imageRecord).toList());
    }

    /** The task token a header carries, or null. */
    static String taskToken(Map<String, AttributeValue> header) {
        return string(header, TASK_TOKEN);
    }

    static JobSummary summary(Map<String, AttributeValue> header) {
        return new JobSummary(header.get(PK).s(), Status.valueOf(header.get(STATUS).s()),
                Integer.parseInt(header.get(IMAGE_COUNT).n()), instant(header, CREATED_AT), instant(header, UPDATED_AT));
    }

    static ImageRecord imageRecord(Map<String, AttributeValue> m) {
        Map<String, AttributeValue> src = m.get(SOURCE).m();
        SourceObject source = new SourceObject(src.get(BUCKET).s(), src.get(KEY).s(),
                src.containsKey("bytes") ? Long.valueOf(src.get("bytes").n()) : null, string(src, "contentType"));
        List<VariantRecord> variants = m.containsKey(VARIANTS)
                ? m.get(VARIANTS).l().stream().map(v -> variant(v.m())).toList() : null;
        ImageError error = m.containsKey(ERROR)
                ? new ImageError(m.get(ERROR).m().get("code").s(), m.get(ERROR).m().get("message").s()) : null;
        return new ImageRecord(m.get(NAME).s(), source, Status.valueOf(m.get(STATUS).s()), integer(m, WIDTH),
                integer(m, HEIGHT), string(m, FORMAT), m.containsKey(ANIMATED) ? m.get(ANIMATED).bool() : null,
                m.containsKey(EXIF) ? exif(m.get(EXIF).m()) : null,
                m.containsKey(FindingItems.DICOM) ? FindingItems.dicom(m.get(FindingItems.DICOM).m()) : null,
                variants, string(m, PLACEHOLDER), null,
                m.containsKey(FindingItems.LABELS) ? FindingItems.labels(m.get(FindingItems.LABELS)) : null,
                m.containsKey(FindingItems.MODERATION) ? FindingItems.moderation(m.get(FindingItems.MODERATION)) : null,
                error);
    }

    private static AttributeValue source(SourceObject src) {
        Map<String, AttributeValue> source = new LinkedHashMap<>();
        source.put(BUCKET, s(src.bucket()));
        source.put(KEY, s(src.key()));
        if (src.bytes() != null) {
            source.put("bytes", n(src.bytes()));
        }
        if (src.contentType() != null) {
            source.put("contentType", s(src.contentType()));
        }
        return AttributeValue.fromM(source);
    }

    static AttributeValue exif(ExifSummary exif) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        putIfSet(m, "make", exif.make());
        putIfSet(m, "model", exif.model());
        putIfSet(m, "takenAt", exif.takenAt());
        m.put("orientation", n(exif.orientation()));
        m.put("gps", AttributeValue.fromBool(exif.gps()));
        return AttributeValue.fromM(m);
    }

    private static ExifSummary exif(Map<String, AttributeValue> m) {
        return new ExifSummary(string(m, "make"), string(m, "model"), string(m, "takenAt"), integer(m, "orientation"),
                m.get("gps").bool());
    }

    static AttributeValue variants(List<VariantRecord> variants) {
        return AttributeValue.fromL(variants.stream().map(v -> AttributeValue.fromM(Map.of(NAME, s(v.name()),
                WIDTH, n(v.width()), HEIGHT, n(v.height()), FORMAT, s(v.format()), "bytes", n(v.bytes()),
                KEY, s(v.key())))).toList());
    }

    private static VariantRecord variant(Map<String, AttributeValue> m) {
        return new VariantRecord(m.get(NAME).s(), integer(m, WIDTH), integer(m, HEIGHT), m.get(FORMAT).s(),
                Long.parseLong(m.get("bytes").n()), m.get(KEY).s(), null);
    }

    static AttributeValue error(ImageError error) {
        return AttributeValue.fromM(Map.of("code", s(error.code()), "message", s(error.message())));
    }

    private static void putIfSet(Map<String, AttributeValue> m, String name, String value) {
        if (value != null) {
            m.put(name, s(value));
        }
    }

    private static Integer integer(Map<String, AttributeValue> m, String name) {
        return m.containsKey(name) ? Integer.valueOf(m.get(name).n()) : null;
    }

    private static String string(Map<String, AttributeValue> m, String name) {
        return m.containsKey(name) ? m.get(name).s() : null;
    }

    private static Instant instant(Map<String, AttributeValue> m, String name) {
        return Instant.parse(m.get(name).s());
    }

    static AttributeValue time(Instant instant) {
        return s(TIME.format(instant));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
