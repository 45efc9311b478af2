package flow;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import jobs.ImageRecord;
import jobs.Job;
import jobs.JobItems;
import jobs.Status;
import jobs.VariantRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import testing.ApiClient;
import testing.Corpus;
import testing.LocalAwsTestResource;

/**
 * The whole product path over real HTTP and the local S3/SQS/DynamoDB servers: presign, PUT to S3, the
 * S3 event reaches the pipeline through SQS, variants land in S3 and the job in DynamoDB.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class UploadToVariantsTest {

    private static final String PHOTO = "photos/large-landscape-4032x3024.jpg";
    private static final Map<String, int[]> EXPECTED_SIZES = Map.of(
            "thumbnail", new int[] {150, 150}, "small", new int[] {400, 300}, "medium", new int[] {800, 600},
            "large", new int[] {1200, 900}, "webp-medium", new int[] {800, 600}, "webp-large", new int[] {1200, 900});

    @Inject
    S3Client s3;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void aPhotoUploadedThroughAPresignedUrlEndsCompletedWithEveryVariantInS3() throws IOException {
        String token = ApiClient.token("alice");
        byte[] photo = Corpus.read(PHOTO);
        JsonPath presigned = ApiClient.presign(token, "large-landscape-4032x3024.jpg", "image/jpeg", photo.length);
        String jobId = presigned.getString("jobId");
        assertEquals("PENDING", presigned.getString("status"));
        assertEquals("PUT", presigned.getString("upload.method"));
        assertEquals(Map.of("Content-Type", "image/jpeg", "If-None-Match", "*"), presigned.getMap("upload.headers"));
        assertEquals(LocalAwsTestResource.BUCKET, presigned.getString("bucket"));
        assertEquals("uploads/alice/" + jobId + "/large-landscape-4032x3024.jpg", presigned.getString("key"));
        assertEquals("/v1/jobs/" + jobId, presigned.getString("statusUrl"));
        assertTrue(Instant.parse(presigned.getString("upload.expiresAt")).isAfter(Instant.now()));

        String url = presigned.getString("upload.url");
        assertEquals(403, ApiClient.put(url, "image/png", photo), "S3 must refuse a Content-Type that was not signed");
        assertEquals(200, ApiClient.put(url, "image/jpeg", photo));

        JsonPath job = ApiClient.awaitEnded(token, jobId);
        assertEquals("COMPLETED", job.getString("status"));
        assertEquals("default", job.getString("preset"));
        assertEquals("COMPLETED", job.getString("images[0].status"));
        assertEquals(4032, job.getInt("images[0].width"));
        assertEquals(3024, job.getInt("images[0].height"));
        assertEquals("jpeg", job.getString("images[0].format"));
        assertEquals(photo.length, job.getLong("images[0].source.bytes"));
        assertEquals("E-P3", job.getString("images[0].exif.model"));
        assertEquals(1, job.getInt("images[0].exif.orientation"));
        assertEquals(false, job.getBoolean("images[0].exif.gps"));

        List<Map<String, Object>> variants = job.getList("images[0].variants");
        assertEquals(List.of("thumbnail", "small", "medium", "large", "webp-medium", "webp-large"),
                variants.stream().map(v -> v.get("name")).toList());
        for (Map<String, Object> variant : variants) {
            assertStoredVariant(variant, jobId);
        }
        assertSrcsetListsTheWidthSeries(job, variants);

        String placeholder = job.getString("images[0].placeholder");
        assertTrue(placeholder.startsWith("data:image/jpeg;base64,"), placeholder);
        BufferedImage tiny = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(placeholder.substring("data:image/jpeg;base64,".length()))));
        assertEquals(20, tiny.getWidth());
        assertEquals(15, tiny.getHeight());

        assertApiMatchesStoredRecord(job, jobId);

        List<String> eTags = variants.stream().map(v -> s3.headObject(h -> h.bucket(LocalAwsTestResource.BUCKET)
                .key((String) v.get("key"))).eTag()).toList();
        String sourceETag = s3.headObject(h -> h.bucket(LocalAwsTestResource.BUCKET).key(presigned.getString("key")))
                .eTag();
        byte[] another = photo.clone();
        another[another.length / 2] ^= 0x55;
        assertEquals(412, ApiClient.put(url, "image/jpeg", another),
                "the upload URL writes once: S3 refuses a second PUT of the signed size (If-None-Match: *)");
        assertEquals(sourceETag, s3.headObject(h -> h.bucket(LocalAwsTestResource.BUCKET)
                .key(presigned.getString("key"))).eTag(), "the source is still the first upload");
        JsonPath after = ApiClient.job(token, jobId);
        assertEquals("COMPLETED", after.getString("status"));
        assertEquals(eTags, variants.stream().map(v -> s3.headObject(h -> h.bucket(LocalAwsTestResource.BUCKET)
                .key((String) v.get("key"))).eTag()).toList(), "the variants still match their source");
    }

    @Test
    void aTextFileEndsFailedNotAnImageAndTheNextUploadStillCompletes() {
        String token = ApiClient.token("bob");
        JsonPath failed = ApiClient.upload(token, "bad/text-renamed.jpg", "image/jpeg");
        assertEquals("FAILED", failed.getString("status"));
        assertEquals("FAILED", failed.getString("images[0].status"));
        assertEquals("not-an-image", failed.getString("images[0].error.code"));
        assertTrue(failed.getString("images[0].error.message").contains("not an image"));
        assertNull(failed.get("images[0].variants"));
        assertNull(failed.get("images[0].srcset"));

        JsonPath next = ApiClient.upload(token, "orientation/Landscape_1.jpg", "image/jpeg");
        assertEquals("COMPLETED", next.getString("status"));
        assertEquals(6, next.getList("images[0].variants").size());
    }

    @Test
    void badJsonIsRefusedWithAProblemDocument() {
        given().auth().oauth2(ApiClient.token("alice")).contentType(ContentType.JSON).body("{\"fileName\": ")
                .post("/v1/uploads")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("invalid-request"))
                .body("status", org.hamcrest.Matchers.equalTo(400))
                .body("detail", org.hamcrest.Matchers.containsString("not valid JSON"));
    }

    @Test
    void aDisallowedTypeOrSizeIsRefusedBeforeAnythingIsSigned() {
        String token = ApiClient.token("alice");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("fileName", "x.svg", "contentType", "image/svg+xml", "size", 10))
                .post("/v1/uploads").then().statusCode(400).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("unsupported-media-type"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("fileName", "x.jpg", "contentType", "image/jpeg", "size", 10_485_761))
                .post("/v1/uploads").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("too-large"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("fileName", "x.jpg", "contentType", "image/jpeg", "size", 0))
                .post("/v1/uploads").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("not-an-image"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("fileName", "x.jpg", "contentType", "image/jpeg"))
                .post("/v1/uploads").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("invalid-request"))
                .body("detail", org.hamcrest.Matchers.containsString("size"));
    }

    @Test
    void jobsNeedATokenAndStayTheirOwners() {
        String alice = ApiClient.token("alice");
        String jobId = ApiClient.presign(alice, "a.jpg", "image/jpeg", 1234).getString("jobId");
        given().get("/v1/jobs/" + jobId).then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/v1/jobs/" + jobId).then().statusCode(401);
        given().auth().oauth2(ApiClient.token("mallory")).get("/v1/jobs/" + jobId)
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("not-found"));
        given().auth().oauth2(alice).get("/v1/jobs/" + jobId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
    }

    private void assertStoredVariant(Map<String, Object> variant, String jobId) throws IOException {
        String name = (String) variant.get("name");
        String format = (String) variant.get("format");
        String key = (String) variant.get("key");
        String extension = format.equals("jpeg") ? "jpg" : format;
        assertEquals("processed/alice/" + jobId + "/large-landscape-4032x3024/" + name + "." + extension, key);
        int[] size = EXPECTED_SIZES.get(name);
        assertEquals(size[0], variant.get("width"), name);
        assertEquals(size[1], variant.get("height"), name);

        HeadObjectResponse head = s3.headObject(h -> h.bucket(LocalAwsTestResource.BUCKET).key(key));
        assertEquals("image/" + format, head.contentType(), name);
        assertEquals("public, max-age=31536000, immutable", head.cacheControl(), name);
        assertEquals(((Number) variant.get("bytes")).longValue(), head.contentLength(), name);

        byte[] stored = s3.getObjectAsBytes(g -> g.bucket(LocalAwsTestResource.BUCKET).key(key)).asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        assertNotNull(image, name + " must decode");
        assertEquals(size[0], image.getWidth(), name);
        assertEquals(size[1], image.getHeight(), name);
        assertArrayEquals(stored, ApiClient.download((String) variant.get("url")), name + " url must serve the variant");
    }

    /** {@code images[].srcset}: the inside-fit variants by format and actual width, with their served URLs. */
    private static void assertSrcsetListsTheWidthSeries(JsonPath job, List<Map<String, Object>> variants) {
        Map<String, Object> url = variants.stream().collect(Collectors.toMap(v -> (String) v.get("name"), v -> v.get("url")));
        assertEquals(url.get("small") + " 400w, " + url.get("medium") + " 800w, " + url.get("large") + " 1200w",
                job.getString("images[0].srcset.jpeg"));
        assertEquals(url.get("webp-medium") + " 800w, " + url.get("webp-large") + " 1200w",
                job.getString("images[0].srcset.webp"));
        assertEquals("(max-width: 1200px) 100vw, 1200px", job.getString("images[0].srcset.sizes"));
    }

    private void assertApiMatchesStoredRecord(JsonPath api, String jobId) {
        Job stored = JobItems.job(dynamo.query(q -> q.tableName(LocalAwsTestResource.TABLE).consistentRead(true)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(jobId))))
                .items());
        assertEquals("alice", stored.owner());
        assertEquals(Status.COMPLETED, stored.status());
        assertEquals(stored.createdAt(), Instant.parse(api.getString("createdAt")));
        assertEquals(stored.updatedAt(), Instant.parse(api.getString("updatedAt")));
        ImageRecord image = stored.images().get(0);
        assertEquals(image.width(), api.getInt("images[0].width"));
        assertEquals(image.height(), api.getInt("images[0].height"));
        assertEquals(image.placeholder(), api.getString("images[0].placeholder"));
        assertEquals(image.source().key(), api.getString("images[0].source.key"));
        for (int i = 0; i < image.variants().size(); i++) {
            VariantRecord v = image.variants().get(i);
            String path = "images[0].variants[" + i + "].";
            assertEquals(v.name(), api.getString(path + "name"));
            assertEquals(v.key(), api.getString(path + "key"));
            assertEquals(v.bytes(), api.getLong(path + "bytes"));
            assertEquals(v.width(), api.getInt(path + "width"));
            assertEquals(v.height(), api.getInt(path + "height"));
            assertEquals(v.format(), api.getString(path + "format"));
        }
    }
}
