package flow;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import testing.AnalysisStandIn;
import testing.ApiClient;
import testing.Corpus;
import testing.LocalAwsTestResource;
import testing.RekognitionStandIn;
import testing.StepFunctionsTestResource;

/**
 * The compatibility routes over analysed images (the Rekognition stand-in answering): detections from the
 * labels' located instances, confidence 0-1 and corners in displayed pixels; get-results' labels and a
 * DICOM upload's summary.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@QuarkusTestResource(StepFunctionsTestResource.class)
@TestProfile(CompatibilityAnalysisTest.AnalysedPresets.class)
class CompatibilityAnalysisTest {

    private static final String BUCKET = "s3://" + LocalAwsTestResource.BUCKET + "/";
    private static final String DOG = """
            {"Labels": [
              {"Name": "Dog", "Confidence": 97.123, "Parents": [{"Name": "Animal"}],
               "Instances": [{"BoundingBox": {"Width": 0.25, "Height": 0.5, "Left": 0.5, "Top": 0.25}, "Confidence": 95.5}]},
              {"Name": "Grass", "Confidence": 88.0, "Parents": [], "Instances": []}],
             "LabelModelVersion": "3.0"}""";

    /** The compatibility routes' jobs use the test profile's analysed preset. */
    public static class AnalysedPresets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("app.compat.batch-preset", "analysed", "app.compat.analysis-preset", "analysed");
        }
    }

    @AnalysisStandIn
    RekognitionStandIn rekognition;

    @BeforeEach
    void dogsFound() {
        rekognition.reset();
        rekognition.answer(RekognitionStandIn.DETECT_LABELS, DOG);
    }

    @Test
    void detectionsAreTheLocatedInstancesWithCornersInDisplayedPixels() {
        String token = ApiClient.token("hugo");
        // stored 1200x1800 with EXIF orientation 6: displayed 1800x1200
        JsonPath presigned = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("filename", "dog.jpg", "contentType", "image/jpeg")).post("/uploads/presign").then()
                .statusCode(200).extract().jsonPath();
        String key = presigned.getString("key");
        assertEquals(200, ApiClient.put(presigned.getString("url"), Map.of("Content-Type", "image/jpeg"),
                Corpus.read("orientation/Landscape_6.jpg")));
        String jobId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("imageUrls", List.of(BUCKET + key))).post("/process").then().statusCode(200)
                .extract().path("jobId");
        JsonPath done = await(() -> given().auth().oauth2(token).get("/jobs/" + jobId).then().statusCode(200)
                .extract().jsonPath(), j -> j.getString("status").equals("COMPLETED"));
        assertEquals(List.of(Map.of("label", "Dog", "confidence", 0.955f, "bbox", List.of(900, 300, 1350, 900))),
                done.getList("detections[0].detections"), "Grass has no instance: left out");
        assertEquals(1, done.getInt("detections[0].detectionCount"));
    }

    @Test
    void getResultsGivesTheLabelsAndADicomUploadsSummary() {
        String token = ApiClient.token("ines");
        JsonPath photo = upload(token, "orientation/Landscape_6.jpg", "image/jpeg");
        assertEquals(List.of(Map.of("name", "Dog", "confidence", 97.12f), Map.of("name", "Grass", "confidence", 88.0f)),
                photo.getList("results.labels"));
        assertNull(photo.get("results.dicom"));

        JsonPath scan = upload(token, "dicom/CT_small.dcm", "application/dicom");
        assertEquals("dicom", scan.getString("results.format"));
        assertEquals("CT", scan.getString("results.dicom.modality"));
        assertEquals(128, scan.getInt("results.dicom.rows"));
        assertEquals(List.of(), scan.getList("results.labels"), "DICOM is never sent for analysis");
    }

    private static JsonPath upload(String token, String corpusFile, String contentType) {
        JsonPath requested = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("fileName", "f", "contentType", contentType)).post("/request-upload").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(200, ApiClient.put(requested.getString("uploadUrl"), Map.of("Content-Type", contentType),
                Corpus.read(corpusFile)));
        return await(() -> given().auth().oauth2(token).queryParam("jobId", requested.getString("jobId"))
                .get("/get-results").then().statusCode(200).extract().jsonPath(),
                j -> j.getString("status").equals("complete"));
    }

    private static JsonPath await(Supplier<JsonPath> read, Predicate<JsonPath> done) {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        JsonPath last = read.get();
        while (!done.test(last) && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = read.get();
        }
        assertEquals(true, done.test(last), last.prettify());
        return last;
    }
}
