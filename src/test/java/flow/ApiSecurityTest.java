package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aws.ObjectUrls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import testing.ApiClient;
import testing.Corpus;
import testing.LocalAwsTestResource;

/** Who may call, and what S3 accepts through a presigned URL. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class ApiSecurityTest {

    private static final String DEV_ISSUER = "https://image-pipeline.local/dev";

    @Inject
    ObjectUrls urls;

    @Test
    void missingExpiredForgedOrForeignTokensGet401ProblemDocuments() throws NoSuchAlgorithmException {
        String expired = Jwt.issuer(DEV_ISSUER).subject("alice").issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign();
        String wrongIssuer = Jwt.issuer("https://someone-else.example").subject("alice").sign();
        var otherKey = KeyPairGenerator.getInstance("RSA");
        otherKey.initialize(2048);
        String forged = Jwt.issuer(DEV_ISSUER).subject("alice").sign(otherKey.generateKeyPair().getPrivate());
        String[] valid = ApiClient.token("alice").split("\\.");
        String tampered = valid[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"bob\",\"iss\":\"https://image-pipeline.local/dev\"}".getBytes()) + "." + valid[2];

        given().get("/v1/jobs").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("unauthorized"));
        for (String token : new String[] {expired, wrongIssuer, forged, tampered, "garbage"}) {
            given().auth().oauth2(token).get("/v1/jobs").then().statusCode(401)
                    .contentType("application/problem+json").body("code", equalTo("unauthorized"));
        }
    }

    @Test
    void frameworkErrorsAreProblemDocumentsToo() {
        String token = ApiClient.token("alice");
        given().auth().oauth2(token).delete("/v1/uploads").then().statusCode(405)
                .contentType("application/problem+json").body("code", equalTo("method-not-allowed"));
        given().auth().oauth2(token).contentType("text/plain").body("x").post("/v1/uploads").then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("unsupported-media-type"));
        given().auth().oauth2(token).get("/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"));
    }

    @Test
    void s3RefusesAnythingTheUploadUrlDidNotSign() throws InterruptedException {
        byte[] photo = Corpus.read("orientation/Landscape_1.jpg");
        JsonPath presigned = ApiClient.presign(ApiClient.token("alice"), "a.jpg", "image/jpeg", photo.length);
        String url = presigned.getString("upload.url");

        int signature = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        char flipped = url.charAt(signature) == '0' ? '1' : '0';
        String tampered = url.substring(0, signature) + flipped + url.substring(signature + 1);
        assertEquals(403, ApiClient.put(tampered, "image/jpeg", photo), "tampered signature");
        byte[] larger = java.util.Arrays.copyOf(photo, photo.length + 1);
        assertEquals(403, ApiClient.put(url, "image/jpeg", larger), "a larger body than signed");
        byte[] smaller = java.util.Arrays.copyOf(photo, photo.length - 1);
        assertEquals(403, ApiClient.put(url, "image/jpeg", smaller), "a smaller body than signed");
        assertEquals(403, ApiClient.put(url, "image/png", photo), "another content type");
        assertEquals(403, ApiClient.put(url, Map.of("Content-Type", "image/jpeg"), photo),
                "without If-None-Match: *, which makes the URL write once");

        var shortLived = urls.upload(LocalAwsTestResource.BUCKET, presigned.getString("key"), "image/jpeg",
                photo.length, Duration.ofSeconds(1));
        Thread.sleep(2500);
        assertEquals(403, ApiClient.put(shortLived.url(), "image/jpeg", photo), "an expired URL");

        assertEquals(200, ApiClient.put(url, "image/jpeg", photo), "the exact signed request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd.png", "a/b\\c.png", "my photo+1 (2).png", "ünï cödé 写真.png",
            "\u0001bad\nname\t.png", "..", "very-long-name-that-goes-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on.png"})
    void hostileFileNamesBecomeSafeKeysWhoseJobsComplete(String fileName) {
        String token = ApiClient.token("alice");
        byte[] image = Corpus.read("png/palette-interlaced.png");
        JsonPath presigned = ApiClient.presign(token, fileName, "image/png", image.length);
        String key = presigned.getString("key");
        String jobId = presigned.getString("jobId");
        assertTrue(key.matches("uploads/alice/" + jobId + "/[A-Za-z0-9._-]{1,120}"), key);
        assertTrue(!key.contains("..") && !key.substring(("uploads/alice/" + jobId + "/").length()).contains("/"), key);
        assertEquals(200, ApiClient.put(presigned.getString("upload.url"), "image/png", image));
        assertEquals("COMPLETED", ApiClient.awaitEnded(token, jobId).getString("status"));
    }

    @Test
    void browsersOnAllowedOriginsMayCallTheApi() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/v1/uploads").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
    }

    @Test
    void browsersMayPutToThePresignedUrl() throws Exception {
        JsonPath presigned = ApiClient.presign(ApiClient.token("alice"), "b.jpg", "image/jpeg", 100);
        HttpResponse<Void> preflight = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(presigned.getString("upload.url")))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "PUT")
                        .header("Access-Control-Request-Headers", "content-type,if-none-match").build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent(), preflight.headers().toString());
    }

    @Test
    void theBodyIsValidatedFieldByField() {
        String token = ApiClient.token("alice");
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("fileName", 12, "contentType", "image/jpeg", "size", 10))
                .post("/v1/uploads").then().statusCode(400).body("code", equalTo("invalid-request"))
                .body("detail", equalTo("fileName must be a non-empty string"));
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("fileName", "a.jpg", "contentType", "image/jpeg", "size", "big"))
                .post("/v1/uploads").then().statusCode(400).body("code", equalTo("invalid-request"))
                .body("detail", org.hamcrest.Matchers.startsWith("size is required"));
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("fileName", "a.jpg", "contentType", "image/jpeg", "size", 10, "preset", "nope"))
                .post("/v1/uploads").then().statusCode(400).body("code", equalTo("invalid-request"))
                .body("detail", org.hamcrest.Matchers.containsString("preset 'nope' does not exist"));
    }
}
