package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import testing.ApiClient;
import testing.Corpus;
import testing.LocalAwsTestResource;
import testing.StepFunctionsTestResource;

/**
 * The earlier systems' APIs (compat-routes/, on in the test profile): each route answers its client's
 * shape, exact field names and types, over the same pipeline; the same bearer auth as /v1.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@QuarkusTestResource(StepFunctionsTestResource.class)
class CompatibilityRoutesTest {

    private static final String BUCKET = "s3://" + LocalAwsTestResource.BUCKET + "/";
    private static final Duration ENDED_WITHIN = Duration.ofSeconds(90);

    @Test
    void theAsyncBatchApiPresignsProcessesAndReportsDetections() {
        String token = ApiClient.token("yusuf");
        String first = presignAndPut(token, "car-damage.jpg", "orientation/Landscape_3.jpg");
        String second = presignAndPut(token, "bumper.jpg", "jpeg/greyscale.jpg");

        JsonPath accepted = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("imageUrls", List.of(BUCKET + first, BUCKET + second), "userId", "user123",
                        "metadata", Map.of("claim", "C-1")))
                .post("/process").then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(Set.of("success", "jobId", "status", "message", "imageCount"), accepted.getMap("").keySet());
        assertEquals(true, accepted.get("success"));
        assertEquals("PENDING", accepted.getString("status"));
        assertEquals("Job created for 2 image(s)", accepted.getString("message"));
        assertEquals(2, (Integer) accepted.get("imageCount"));
        String jobId = accepted.getString("jobId");

        JsonPath running = given().auth().oauth2(token).get("/jobs/" + jobId).then().statusCode(200).extract().jsonPath();
        if (!Set.of("COMPLETED", "FAILED").contains(running.getString("status"))) {
            assertEquals(Set.of("jobId", "status", "imageCount", "createdAt", "updatedAt"), running.getMap("").keySet());
        }
        JsonPath done = await(() -> given().auth().oauth2(token).get("/jobs/" + jobId).then().statusCode(200)
                .extract().jsonPath(), j -> j.getString("status").equals("COMPLETED"));
        assertEquals(Set.of("jobId", "status", "imageCount", "detections", "createdAt", "updatedAt"),
                done.getMap("").keySet());
        assertEquals(jobId, done.getString("jobId"));
        assertEquals(2, (Integer) done.get("imageCount"));
        Instant.parse(done.getString("createdAt"));
        Instant.parse(done.getString("updatedAt"));
        for (int i = 0; i < 2; i++) {
            Map<String, Object> image = done.getMap("detections[" + i + "]");
            assertEquals(Set.of("imageUrl", "imageIndex", "detections", "detectionCount"), image.keySet());
            assertEquals(BUCKET + (i == 0 ? first : second), image.get("imageUrl"));
            assertEquals(i, image.get("imageIndex"));
            assertInstanceOf(List.class, image.get("detections"));
            assertEquals(((List<?>) image.get("detections")).size(), image.get("detectionCount"));
        }
        JsonPath same = ApiClient.job(token, jobId);
        assertEquals("C-1", same.getString("metadata.claim"), "the same job as GET /v1/jobs/{jobId}");
        assertEquals(List.of(first, second), same.getList("images.source.key"));
    }

    @Test
    void theAsyncBatchApiKeepsTheV1Rules() {
        String token = ApiClient.token("zora");
        String hers = presignAndPut(ApiClient.token("amal"), "x.jpg", "jpeg/greyscale.jpg");
        // userId never chooses the owner: the token's subject does
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("imageUrls", List.of(BUCKET + hers), "userId", "amal"))
                .post("/process").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("forbidden-source"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("images", List.of(BUCKET + hers)))
                .post("/process").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-request")).body("detail", containsString("imageUrls"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("imageUrls", List.of(BUCKET + "uploads/zora/01NOPE/missing.jpg")))
                .post("/process").then().statusCode(400).body("code", equalTo("source-not-found"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("filename", "notes.txt", "contentType", "text/plain"))
                .post("/uploads/presign").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("unsupported-media-type"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("filename", "a.jpg"))
                .post("/uploads/presign").then().statusCode(400).body("code", equalTo("invalid-request"));
        // the /v1 request limits, before a field is used or echoed
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("filename", "a".repeat(300) + ".jpg", "contentType", "image/jpeg"))
                .post("/uploads/presign").then().statusCode(400).body("code", equalTo("invalid-request"))
                .body("detail", containsString("filename"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("filename", "a.jpg", "contentType", "image/" + "x".repeat(300)))
                .post("/uploads/presign").then().statusCode(400).body("code", equalTo("invalid-request"))
                .body("detail", org.hamcrest.Matchers.not(containsString("xxxxxxxx")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("fileName", "a".repeat(300)))
                .post("/request-upload").then().statusCode(400).body("code", equalTo("invalid-request"));

        String amalsJob = given().auth().oauth2(ApiClient.token("amal")).contentType(ContentType.JSON)
                .body(Map.of("imageUrls", List.of(BUCKET + hers))).post("/process").then().statusCode(200)
                .extract().path("jobId");
        given().auth().oauth2(token).get("/jobs/" + amalsJob).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"));
    }

    @Test
    void thePresignedUrlSignsTheContentTypeButNoLength() {
        String token = ApiClient.token("yusuf");
        JsonPath presigned = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("filename", "../../car damage.jpg", "contentType", "image/jpeg"))
                .post("/uploads/presign").then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(Set.of("url", "key", "bucket"), presigned.getMap("").keySet());
        assertEquals(LocalAwsTestResource.BUCKET, presigned.getString("bucket"));
        String key = presigned.getString("key");
        assertTrue(key.matches("uploads/yusuf/[0-9A-Z]{26}/car_damage\\.jpg"), key);
        String url = presigned.getString("url");
        assertEquals(403, ApiClient.put(url, Map.of("Content-Type", "image/png"), Corpus.read("jpeg/greyscale.jpg")),
                "the content type is signed");
        assertEquals(200, ApiClient.put(url, Map.of("Content-Type", "image/jpeg"), Corpus.read("jpeg/greyscale.jpg")),
                "Content-Type only, any length");
    }

    @Test
    void theAnalysisBackendRequestsAnUploadAndGivesItsResults() {
        String token = ApiClient.token("bea");
        JsonPath requested = given().auth().oauth2(token).post("/request-upload").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(Set.of("uploadUrl", "jobId"), requested.getMap("").keySet());
        String jobId = requested.getString("jobId");

        JsonPath pending = given().auth().oauth2(token).queryParam("jobId", jobId).get("/get-results").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(Set.of("status", "results", "imageUrl", "error"), pending.getMap("").keySet());
        assertEquals("pending", pending.getString("status"));
        assertNull(pending.get("results"));
        assertNull(pending.get("imageUrl"));
        assertNull(pending.get("error"));

        // the old client PUTs whatever it has, with no particular header
        assertEquals(200, ApiClient.put(requested.getString("uploadUrl"), Map.of(), Corpus.read("dicom/CT_small.dcm")));
        JsonPath complete = await(() -> given().auth().oauth2(token).queryParam("jobId", jobId).get("/get-results")
                .then().statusCode(200).extract().jsonPath(), j -> j.getString("status").equals("complete"));
        assertEquals(Set.of("status", "results", "imageUrl", "error"), complete.getMap("").keySet());
        assertNull(complete.get("error"));
        assertEquals("dicom", complete.getString("results.format"));
        assertEquals(128, (Integer) complete.get("results.width"));
        assertEquals(128, (Integer) complete.get("results.height"));
        assertInstanceOf(List.class, complete.get("results.labels"));
        byte[] web = ApiClient.download(complete.getString("imageUrl"));
        assertEquals(0xFF, web[0] & 0xFF, "a JPEG a browser shows");
        assertEquals(0xD8, web[1] & 0xFF);
        assertTrue(URI.create(complete.getString("imageUrl")).getPath().endsWith("/large.jpg"),
                complete.getString("imageUrl"));
        assertEquals("COMPLETED", ApiClient.job(token, jobId).getString("status"), "the same job as /v1");
    }

    @Test
    void theAnalysisBackendSaysWhyAnUploadFailedAndKeepsTheV1Rules() {
        String token = ApiClient.token("cato");
        JsonPath requested = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("fileName", "notes.jpg", "contentType", "image/jpeg")).post("/request-upload")
                .then().statusCode(200).extract().jsonPath();
        String url = requested.getString("uploadUrl");
        assertTrue(URI.create(url).getPath().endsWith("/notes.jpg"), url);
        assertEquals(403, ApiClient.put(url, Map.of("Content-Type", "image/png"), Corpus.read("bad/text-renamed.jpg")),
                "a content type the body named is signed");
        assertEquals(200, ApiClient.put(url, Map.of("Content-Type", "image/jpeg"), Corpus.read("bad/text-renamed.jpg")));
        JsonPath failed = await(() -> given().auth().oauth2(token).queryParam("jobId", requested.getString("jobId"))
                .get("/get-results").then().statusCode(200).extract().jsonPath(), j -> j.getString("status").equals("error"));
        assertNull(failed.get("results"));
        assertNull(failed.get("imageUrl"));
        assertTrue(failed.getString("error").contains("not an image"), failed.getString("error"));

        given().auth().oauth2(token).get("/get-results").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid-request"));
        given().auth().oauth2(ApiClient.token("dana")).queryParam("jobId", requested.getString("jobId"))
                .get("/get-results").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("not-found"));
    }

    @Test
    void everyCompatibilityRouteNeedsTheBearerTokenOfV1() {
        for (String path : new String[] {"/uploads/presign", "/process", "/request-upload"}) {
            given().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(401)
                    .contentType("application/problem+json").body("code", equalTo("unauthorized"));
            given().auth().oauth2("garbage").contentType(ContentType.JSON).body("{}").post(path).then().statusCode(401)
                    .contentType("application/problem+json").body("code", equalTo("unauthorized"));
        }
        for (String path : new String[] {"/jobs/01JD0000000000000000000000", "/get-results?jobId=x"}) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("unauthorized"));
        }
        given().get("/openapi.json").then().statusCode(200)
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/uploads/presign", "/process", "/jobs/{jobId}",
                        "/request-upload", "/get-results"));
    }

    @Test
    void processSharesTheRateLimitOfV1Jobs() {
        String token = ApiClient.token("rhea");
        int jobsPerWindow = ConfigProvider.getConfig().getValue("app.rate-limits.jobs.requests", Integer.class);
        // counted before the body is checked, as POST /v1/jobs is; windows are aligned to the clock, so one
        // may end during the loop: the limit is reached within two windows' worth of calls
        int calls = 0;
        io.restassured.response.Response answer;
        do {
            answer = given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/process");
            calls++;
        } while (answer.statusCode() == 400 && calls <= 2 * jobsPerWindow);
        answer.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("rate-limited"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/v1/jobs").then().statusCode(429)
                .body("code", equalTo("rate-limited"));
    }

    /** Presigns with the async batch API, PUTs a corpus file as its client does; returns the key. */
    private static String presignAndPut(String token, String fileName, String corpusFile) {
        JsonPath presigned = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("filename", fileName, "contentType", "image/jpeg")).post("/uploads/presign")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(200, ApiClient.put(presigned.getString("url"), Map.of("Content-Type", "image/jpeg"),
                Corpus.read(corpusFile)));
        assertNotNull(presigned.getString("key"));
        return presigned.getString("key");
    }

    private static JsonPath await(java.util.function.Supplier<JsonPath> read, Predicate<JsonPath> done) {
        long deadline = System.nanoTime() + ENDED_WITHIN.toNanos();
        while (true) {
            JsonPath answer = read.get();
            if (done.test(answer)) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not done within " + ENDED_WITHIN + ": " + answer.prettify());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
