package aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3EventNotificationsTest {

    private final S3EventNotifications events = new S3EventNotifications();

    @Test
    void readsAnAwsEventAndDecodesItsFormEncodedKey() {
        String message = """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                  "s3":{"bucket":{"name":"photos"},"object":{"key":"uploads/alice/01J/my+holiday+%281%29+caf%C3%A9.jpg",
                  "size":1234,"eTag":"0123abc","sequencer":"0055AED6DCD90281E5"}}}]}""";
        List<S3ObjectCreated> created = events.parse(message);
        assertEquals(List.of(new S3ObjectCreated("photos", "uploads/alice/01J/my holiday (1) café.jpg", 1234, "0123abc",
                null, "0055AED6DCD90281E5")), created);
    }

    @ParameterizedTest
    @ValueSource(strings = {"uploads/a/b/plain.jpg", "uploads/a/b/with space.jpg", "uploads/a/b/plus+sign.jpg",
            "uploads/a/b/percent%20.jpg", "uploads/a/b/ünïcödé 写真.jpg"})
    void anEventItWritesReadsBackToTheSameKey(String key) {
        S3ObjectCreated object = new S3ObjectCreated("b", key, 10, "e", "v1", "0001");
        String message = events.objectCreated(object, Instant.parse("2026-11-23T10:15:30Z"));
        assertTrue(message.contains("\"eventName\":\"ObjectCreated:Put\""));
        assertTrue(message.contains("uploads/a/b/"), "slashes stay unencoded, as in S3's events: " + message);
        assertEquals(List.of(object), events.parse(message));
    }

    @Test
    void aBatchEventNamesItsJobAndImage() {
        S3ObjectCreated object = new S3ObjectCreated("b", "uploads/a/01J/x.jpg", 10, null, null, null, "01JOB", 7);
        String message = events.objectCreated(object);
        assertTrue(message.contains("\"imagePipeline\":{\"jobId\":\"01JOB\",\"imageIndex\":7}"), message);
        assertEquals(List.of(object), events.parse(message));
        assertThrows(InvalidEventException.class, () -> events.parse(message.replace("\"imageIndex\":7",
                "\"imageIndex\":-1")));
    }

    @Test
    void theTestEventAndOtherEventTypesCarryNoWork() {
        assertEquals(List.of(), events.parse("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"b\"}"));
        assertEquals(List.of(), events.parse("""
                {"Records":[{"eventName":"ObjectRemoved:Delete","s3":{"bucket":{"name":"b"},"object":{"key":"k"}}}]}"""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json at all", "{\"hello\": 1}", "[1,2]", "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{}}]}"})
    void anythingElseIsAnInvalidEvent(String message) {
        assertThrows(InvalidEventException.class, () -> events.parse(message));
    }
}
