package flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import testing.ApiClient;
import testing.Corpus;
import testing.LocalAwsTestResource;
import testing.ShortTimers;

/** No job stays PENDING for ever: without its upload it ends FAILED upload-expired. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@TestProfile(ShortTimers.class)
class UploadExpiryTest {

    @Test
    void aJobWhoseUploadNeverCameEndsFailedAndOneWhoseUploadCameIsUntouched() {
        String token = ApiClient.token("nina");
        String abandoned = ApiClient.presign(token, "never.jpg", "image/jpeg", 1234).getString("jobId");
        byte[] photo = Corpus.read("orientation/Landscape_5.jpg");
        JsonPath presigned = ApiClient.presign(token, "in-time.jpg", "image/jpeg", photo.length);
        assertEquals(200, ApiClient.put(presigned.getString("upload.url"), "image/jpeg", photo));

        JsonPath expired = ApiClient.awaitEnded(token, abandoned);
        assertEquals("FAILED", expired.getString("status"));
        assertEquals("upload-expired", expired.getString("images[0].error.code"));

        String onTime = presigned.getString("jobId");
        assertEquals("COMPLETED", ApiClient.awaitEnded(token, onTime).getString("status"));
        try {
            // past the on-time job's own check, due 4 s after it was created
            Thread.sleep(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals("COMPLETED", ApiClient.job(token, onTime).getString("status"),
                "the check for a job that got its file changes nothing");
    }
}
