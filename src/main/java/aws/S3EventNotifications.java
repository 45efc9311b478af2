package aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import support.Json;

/**
 * The AWS S3 event notification format (version 2.1), both ways: reading what S3 sends to SQS, and
 * writing the same JSON where no S3 sends it (the local bridge, batch jobs, dead-letter replays). Keys are
 * URL-encoded form-style in that format: a space is {@code +}.
 */
@ApplicationScoped
@Named("s3Events")
public class S3EventNotifications {

    /** Our own record field, absent from S3's events: names the job and image for work a batch asked for. */
    private static final String EXTENSION = "imagePipeline";

    /**
     * The "object created" records of a message; empty for S3's test event and for other event types.
     *
     * @throws InvalidEventException when the message is not an S3 event notification at all
     */
    public List<S3ObjectCreated> parse(String message) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(message);
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventException("The message is not JSON: " + e.getMessage(), e);
        }
        if (root != null && "s3:TestEvent".equals(root.path("Event").asText())) {
            return List.of();
        }
        if (root == null || !root.path("Records").isArray()) {
            throw new InvalidEventException("The message is not an S3 event notification: it has no Records array");
        }
        List<S3ObjectCreated> created = new ArrayList<>();
        for (JsonNode record : root.path("Records")) {
            if (!record.path("eventName").asText().startsWith("ObjectCreated:")) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            JsonNode object = s3.path("object");
            String bucket = s3.path("bucket").path("name").asText(null);
            String key = object.path("key").asText(null);
            if (bucket == null || key == null) {
                throw new InvalidEventException("An ObjectCreated record has no s3.bucket.name or s3.object.key");
            }
            created.add(new S3ObjectCreated(bucket, URLDecoder.decode(key, StandardCharsets.UTF_8),
                    object.path("size").asLong(-1), unquote(object.path("eTag").asText(null)),
                    object.path("versionId").asText(null), object.path("sequencer").asText(null),
                    record.path(EXTENSION).path("jobId").asText(null), imageIndex(record.path(EXTENSION))));
        }
        return created;
    }

    /** An S3 event notification with one ObjectCreated:Put record, as S3 would send it now. */
    public String objectCreated(S3ObjectCreated object) {
        return objectCreated(object, Instant.now());
    }

    /** An S3 event notification with one ObjectCreated:Put record, as S3 would send it. */
    public String objectCreated(S3ObjectCreated object, Instant eventTime) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode records = root.putArray("Records");
        ObjectNode record = records.addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", "us-east-1");
        record.put("eventTime", eventTime.toString());
        record.put("eventName", "ObjectCreated:Put");
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "uploads");
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", object.bucket());
        bucket.put("arn", "arn:aws:s3:::" + object.bucket());
        ObjectNode o = s3.putObject("object");
        // S3 encodes keys form-style but leaves the slashes as they are.
        o.put("key", URLEncoder.encode(object.key(), StandardCharsets.UTF_8).replace("%2F", "/"));
        o.put("size", object.size());
        if (object.eTag() != null) {
            o.put("eTag", object.eTag());
        }
        if (object.versionId() != null) {
            o.put("versionId", object.versionId());
        }
        if (object.sequencer() != null) {
            o.put("sequencer", object.sequencer());
        }
        if (object.jobId() != null) {
            ObjectNode extension = record.putObject(EXTENSION).put("jobId", object.jobId());
            if (object.imageIndex() != null) {
                extension.put("imageIndex", object.imageIndex());
            }
        }
        return Json.write(root);
    }

    private static Integer imageIndex(JsonNode extension) {
        JsonNode index = extension.path("imageIndex");
        if (index.isMissingNode()) {
            return null;
        }
        if (!index.canConvertToInt() || !index.isIntegralNumber() || index.intValue() < 0) {
            throw new InvalidEventException("imagePipeline.imageIndex is not an image index: " + index);
        }
        return index.intValue();
    }

    private static String unquote(String eTag) {
        return eTag == null ? null : eTag.replace("\"", "");
    }
}
