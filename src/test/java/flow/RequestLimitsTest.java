package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import support.Ulid;
import testing.ApiClient;
import testing.Corpus;
import testing.DevKey;
import testing.LocalAwsTestResource;

/**
 * Request limits at their edges: field sizes in UTF-8 bytes, the whole body, job ids, cursors and query
 * parameters, and tokens whose subject cannot own anything. Never a 500.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class RequestLimitsTest {

    private static final String BUCKET = LocalAwsTestResource.BUCKET;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/v1/uploads")
    URI uploadsUrl;

    @Test
    void fileNamesAreCountedInUtf8BytesUpTo255() {
        String token = ApiClient.token("names");
        for (String accepted : new String[] {"x".repeat(251) + ".png", "\u00e9".repeat(125) + "a.png",
            "\uD83D\uDE00".repeat(62) + "abc.png"}) {
            assertEquals(255, accepted.getBytes(StandardCharsets.UTF_8).length);
            String key = presign(token, Map.of("fileName", accepted, "contentType", "image/png", "size", 100))
                    .then().statusCode(201).extract().path("key");
            assertTrue(key.matches("uploads/names/[0-9A-Z]{26}/[A-Za-z0-9._-]{1,120}"), key);
        }
        for (String refused : new String[] {"x".repeat(252) + ".png", "\u00e9".repeat(126) + ".png",
            "\uD83D\uDE00".repeat(63) + ".png"}) {
            assertEquals(256, refused.getBytes(StandardCharsets.UTF_8).length);
            presign(token, Map.of("fileName", refused, "contentType", "image/png", "size", 100))
                    .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid-request"))
                    .body("detail", equalTo("fileName is 256 bytes in UTF-8; at most 255 are allowed"));
        }
    }

    @Test
    void contentTypeAndPresetAreBoundedAndNeverEchoedWhenTooLong() {
        String token = ApiClient.token("fields");
        String longType = "image/" + "x".repeat(250);
        presign(token, Map.of("fileName", "a.png", "contentType", longType, "size", 100)).then().statusCode(400)
                .body("code", equalTo("invalid-request")).body("detail", not(containsString("xxxxx")));
        presign(token, Map.of("fileName", "a.png", "contentType", "image/" + "x".repeat(249), "size", 100))
                .then().statusCode(400).body("code", equalTo("unsupported-media-type"));
        presign(token, Map.of("fileName", "a.png", "contentType", "image/png", "size", 100, "preset", "p".repeat(65)))
                .then().statusCode(400).body("code", equalTo("invalid-request"))
                .body("detail", equalTo("preset is 65 bytes in UTF-8; at most 64 are allowed"));
        presign(token, Map.of("fileName", "a.png", "contentType", "image/png", "size", 100, "preset", "p".repeat(64)))
                .then().statusCode(400).body("detail", containsString("does not exist"));
    }

    @Test
    void aBodyOverTheLimitIs413AProblemWhetherItsLengthIsDeclaredOrNot() throws Exception {
        String token = ApiClient.token("bodies");
        // the issue's 9 MB file name, and one just over the 128 KiB limit
        for (int nameLength : new int[] {9 * 1024 * 1024, 128 * 1024}) {
            String body = "{\"fileName\": \"" + "a".repeat(nameLength) + ".png\", \"contentType\": \"image/png\", \"size\": 1}";
            HttpResponse<String> declared = HTTP.send(upload(token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertProblem(declared, 413, "request-too-large");
            HttpResponse<String> chunked = HTTP.send(upload(token).POST(HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(chunked.request().headers().firstValue("Content-Length").isEmpty());
            assertProblem(chunked, 413, "request-too-large");
        }
        String fits = "{\"fileName\": \"a.png\", \"contentType\": \"image/png\", \"size\": 1, \"pad\": \""
                + "p".repeat(100 * 1024) + "\"}";
        assertEquals(201, HTTP.send(upload(token).POST(HttpRequest.BodyPublishers.ofString(fits)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void batchMetadataIsBoundedIn8KiBOfCompactJsonAndImageUrisByS3sKeyLimit() {
        String token = ApiClient.token("meta");
        byte[] image = Corpus.read("png/palette-interlaced.png");
        JsonPath presigned = ApiClient.presign(token, "m.png", "image/png", image.length);
        assertEquals(200, ApiClient.put(presigned.getString("upload.url"), "image/png", image));
        String uri = "s3://" + BUCKET + "/" + presigned.getString("key");

        // {"note":"..."} is 11 bytes of JSON around the note; spaces the client sends do not count
        String note = "\u00e9".repeat(4000) + "x".repeat(181);
        assertEquals(8192, 11 + note.getBytes(StandardCharsets.UTF_8).length);
        String body = "{\"images\": [\"" + uri + "\"],   \"metadata\":   {  \"note\" :  \"" + note + "\"  }}";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/v1/jobs").then().statusCode(202)
                .body("metadata.note", equalTo(note));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("images", List.of(uri), "metadata", Map.of("note", note + "x"))).post("/v1/jobs")
                .then().statusCode(400).body("code", equalTo("invalid-request"))
                .body("detail", equalTo("metadata (as compact JSON) is 8,193 bytes in UTF-8; at most 8,192 are allowed"));

        // a key of exactly 1024 bytes is looked for (and is not there); one byte more is refused unread
        String prefix = "uploads/meta/";
        String atLimit = prefix + ("d".repeat(49) + "/").repeat(20) + "z".repeat(1024 - prefix.length() - 1000);
        assertEquals(1024, atLimit.length());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("images", List.of("s3://" + BUCKET + "/" + atLimit))).post("/v1/jobs")
                .then().statusCode(400).body("code", equalTo("source-not-found"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("images", List.of("s3://" + BUCKET + "/" + atLimit + "z"))).post("/v1/jobs")
                .then().statusCode(400).body("code", equalTo("invalid-request"))
                .body("detail", containsString("1,025 bytes in UTF-8; at most 1,024"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("images", List.of("s3://" + "b".repeat(2000)))).post("/v1/jobs")
                .then().statusCode(400).body("code", equalTo("invalid-request"))
                .body("detail", equalTo("images[0] is 2,005 bytes in UTF-8; at most 1,093 are allowed"));
    }

    @Test
    void jobIdsMustBeUlidsAndAWellFormedIdThatIsNotYoursIs404() {
        String token = ApiClient.token("ids");
        String jobId = presign(token, Map.of("fileName", "a.png", "contentType", "image/png", "size", 100))
                .then().statusCode(201).extract().path("jobId");
        for (String malformed : new String[] {"abc", jobId + "0", jobId.substring(1), "0".repeat(25) + "U",
            "8" + "0".repeat(25), "0".repeat(25) + "%C3%A9", "'" + jobId + "'", "x".repeat(2000),
            "%00" + "0".repeat(25), "0".repeat(25) + "%20"}) {
            given().auth().oauth2(token).urlEncodingEnabled(false).get("/v1/jobs/" + malformed).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("invalid-request"));
        }
        // dot segments leave the path before routing: no such resource
        given().auth().oauth2(token).urlEncodingEnabled(false).get("/v1/jobs/%2E%2E").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"));
        given().auth().oauth2(token).get("/v1/jobs/" + jobId.toLowerCase()).then().statusCode(200)
                .body("jobId", equalTo(jobId));
        given().auth().oauth2(ApiClient.token("not-ids")).get("/v1/jobs/" + jobId).then().statusCode(404)
                .body("code", equalTo("not-found"));
        given().auth().oauth2(token).get("/v1/jobs/" + Ulid.next(Instant.now())).then().statusCode(404)
                .body("code", equalTo("not-found"));
    }

    @Test
    void cursorsAndPageSizesOfAnyShapeAre400() {
        String token = ApiClient.token("pages");
        String tooLong = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"owner\":\"pages\",\"jobId\":\""
                + "0".repeat(26) + "\",\"createdAt\":\"2026-11-29T10:00:00Z\",\"x\":\"" + "x".repeat(2000) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String lowerCaseId = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"owner\":\"pages\",\"jobId\":\""
                + "01jd0000000000000000000000\",\"createdAt\":\"2026-11-29T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8));
        for (String cursor : new String[] {tooLong, lowerCaseId, "%", "e30=", "\"e30\""}) {
            given().auth().oauth2(token).queryParam("cursor", cursor).get("/v1/jobs").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("invalid-request"));
        }
        for (String limit : new String[] {"0", "101", "-1", "1.5", "1e2", "99999999999999999999", "x"}) {
            given().auth().oauth2(token).queryParam("limit", limit).get("/v1/jobs").then().statusCode(400)
                    .body("code", equalTo("invalid-request"));
        }
        given().auth().oauth2(token).queryParam("limit", "100").get("/v1/jobs").then().statusCode(200);
    }

    @Test
    void aTokenWhoseSubjectCannotOwnAnythingIs401OnEveryCallThatReadsTheOwner() {
        long now = Instant.now().getEpochSecond();
        // valid in every other way: issuer, times, and a name (upn) for the framework's principal
        String claims = "{\"iss\":\"" + DevKey.ISSUER + "\",\"iat\":" + now + ",\"exp\":" + (now + 600)
                + ",\"upn\":\"someone\"";
        Map<String, String> detailByToken = Map.of(
                DevKey.signClaims(claims + "}"), "The bearer token has no subject (sub); it cannot own uploads or jobs",
                DevKey.signClaims(claims + ",\"sub\":\"\"}"), "The bearer token has no subject (sub); it cannot own uploads or jobs",
                DevKey.signClaims(claims + ",\"sub\":\" \\t \"}"), "The bearer token has no subject (sub); it cannot own uploads or jobs",
                DevKey.signClaims(claims + ",\"sub\":\"\\ud800\"}"), "The bearer token's subject (sub) is not well-formed Unicode",
                DevKey.signClaims(claims + ",\"sub\":\"" + "\u00e9".repeat(128) + "\"}"),
                "The bearer token's subject (sub) is longer than 255 bytes");
        String body = "{\"fileName\": \"a.png\", \"contentType\": \"image/png\", \"size\": 1}";
        detailByToken.forEach((token, detail) -> {
            for (var response : List.of(
                    given().auth().oauth2(token).get("/v1/jobs"),
                    given().auth().oauth2(token).get("/v1/jobs/" + Ulid.next(Instant.now())),
                    given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/v1/uploads"),
                    given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"images\": []}").post("/v1/jobs"))) {
                response.then().statusCode(401).contentType("application/problem+json")
                        .body("code", equalTo("unauthorized")).body("detail", equalTo(detail));
            }
        });
        // without sub and without any other name, the framework refuses the token itself
        given().auth().oauth2(DevKey.signClaims("{\"iss\":\"" + DevKey.ISSUER + "\",\"iat\":" + now + ",\"exp\":"
                + (now + 600) + "}")).get("/v1/jobs").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().auth().oauth2(DevKey.signClaims(claims + ",\"sub\":\"" + "\u00e9".repeat(127) + "a\"}")).get("/v1/jobs")
                .then().statusCode(200);
    }

    @Test
    void subjectsChosenToMatchAnothersOwnerIdSeeNothingOfTheirs() throws Exception {
        String victim = DevKey.token("alice@example.com");
        String jobId = presign(victim, Map.of("fileName", "a.png", "contentType", "image/png", "size", 100))
                .then().statusCode(201).extract().path("jobId");
        String key = given().auth().oauth2(victim).get("/v1/jobs/" + jobId).then().statusCode(200).extract()
                .path("images[0].source.key");
        String victimId = key.split("/")[1];
        byte[] sha = MessageDigest.getInstance("SHA-256").digest("alice@example.com".getBytes(StandardCharsets.UTF_8));
        String previousId = "u-" + HexFormat.of().formatHex(sha, 0, 16);
        for (String chosen : new String[] {victimId, previousId, victimId.substring(1), "alice_example.com"}) {
            String attacker = DevKey.token(chosen);
            given().auth().oauth2(attacker).get("/v1/jobs/" + jobId).then().statusCode(404);
            given().auth().oauth2(attacker).get("/v1/jobs").then().statusCode(200).body("items", empty());
            given().auth().oauth2(attacker).contentType(ContentType.JSON)
                    .body(Map.of("images", List.of("s3://" + BUCKET + "/" + key))).post("/v1/jobs")
                    .then().statusCode(403).body("code", equalTo("forbidden-source"));
        }
    }

    private static Response presign(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/v1/uploads");
    }

    private HttpRequest.Builder upload(String token) {
        return HttpRequest.newBuilder(uploadsUrl).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(code, JsonPath.from(response.body()).getString("code"));
    }
}
