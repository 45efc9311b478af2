package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import jobs.JobItems;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import testing.ApiClient;
import testing.ImageItems;
import testing.LocalAwsTestResource;

/** POST /v1/jobs over images already uploaded, and GET /v1/jobs paging. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class BatchAndListTest {

    @Inject
    DynamoDbClient dynamo;

    private static final String BUCKET = "s3://" + LocalAwsTestResource.BUCKET + "/";

    @Test
    void aBatchOfTwoCompletesWithBothImagesAndEchoesItsMetadata() {
        String token = ApiClient.token("erin");
        String first = ApiClient.upload(token, "orientation/Landscape_3.jpg", "image/jpeg").getString("images[0].source.key");
        String second = ApiClient.upload(token, "jpeg/greyscale.jpg", "image/jpeg").getString("images[0].source.key");

        JsonPath accepted = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("images", List.of(BUCKET + first, BUCKET + second), "preset", "classic",
                        "metadata", Map.of("album", "holidays", "tags", List.of("sea", "sun"))))
                .post("/v1/jobs").then().statusCode(202).extract().jsonPath();
        assertEquals("PENDING", accepted.getString("status"));
        assertEquals(2, accepted.getInt("imageCount"));
        assertEquals("holidays", accepted.getString("metadata.album"));
        String jobId = accepted.getString("jobId");
        assertEquals("/v1/jobs/" + jobId, accepted.getString("statusUrl"));

        JsonPath job = ApiClient.awaitEnded(token, jobId);
        assertEquals("COMPLETED", job.getString("status"));
        assertEquals("classic", job.getString("preset"));
        assertEquals(List.of("sea", "sun"), job.getList("metadata.tags"));
        assertEquals(List.of(first, second), job.getList("images.source.key"));
        for (int i = 0; i < 2; i++) {
            assertEquals("COMPLETED", job.getString("images[" + i + "].status"));
            List<String> keys = job.getList("images[" + i + "].variants.key");
            assertEquals(3, keys.size());
            keys.forEach(k -> assertTrue(k.startsWith("processed/erin/" + jobId + "/"), k));
        }
        assertEquals(List.of(800, 1200, 1620), job.getList("images[0].variants.width"),
                "classic fits the 1800x1200 source inside 800x600, 1200x900 and 1920x1080");
        for (int i = 0; i < 2; i++) {
            Map<String, AttributeValue> facts = ImageItems.read(dynamo, jobId, i).get(JobItems.JOB).m();
            assertEquals("erin", facts.get("owner").s(), "each image item carries what its worker needs of the job");
            assertEquals("classic", facts.get("preset").s());
            assertEquals("2", facts.get(JobItems.IMAGE_COUNT).n());
        }
    }

    @Test
    void aBatchOnlyTakesTheCallersOwnExistingUploads() {
        String frank = ApiClient.token("frank");
        String hers = ApiClient.upload(ApiClient.token("grace"), "bmp/hopper-24bit.bmp", "image/bmp")
                .getString("images[0].source.key");
        given().auth().oauth2(frank).contentType("application/json").body(Map.of("images", List.of(BUCKET + hers)))
                .post("/v1/jobs").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("forbidden-source"));
        given().auth().oauth2(frank).contentType("application/json")
                .body(Map.of("images", List.of("s3://another-bucket/uploads/frank/x/a.jpg")))
                .post("/v1/jobs").then().statusCode(403).body("code", equalTo("forbidden-source"));
        String missing = BUCKET + "uploads/frank/01NOPE/missing.jpg";
        given().auth().oauth2(frank).contentType("application/json").body(Map.of("images", List.of(missing)))
                .post("/v1/jobs").then().statusCode(400).body("code", equalTo("source-not-found"))
                .body("detail", containsString(missing));
        given().auth().oauth2(frank).contentType("application/json")
                .body(Map.of("images", Collections.nCopies(51, missing)))
                .post("/v1/jobs").then().statusCode(400).body("code", equalTo("invalid-request"));
        given().auth().oauth2(frank).contentType("application/json").body(Map.of("images", List.of(missing, missing)))
                .post("/v1/jobs").then().statusCode(400).body("code", equalTo("invalid-request"))
                .body("detail", containsString("images[1] repeats"));
        given().auth().oauth2(frank).contentType("application/json").body(Map.of("images", List.of()))
                .post("/v1/jobs").then().statusCode(400).body("code", equalTo("invalid-request"));
    }

    @Test
    void pagingWithLimitTwoReturnsEachOfThreeJobsOnceNewestFirst() {
        String token = ApiClient.token("heidi");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(ApiClient.presign(token, "p" + i + ".jpg", "image/jpeg", 1000).getString("jobId"));
        }
        Collections.reverse(created);

        JsonPath page1 = given().auth().oauth2(token).queryParam("limit", 2).get("/v1/jobs")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, page1.getList("items").size());
        String cursor = page1.getString("nextCursor");
        assertNotNull(cursor);
        JsonPath page2 = given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/v1/jobs").then().statusCode(200).extract().jsonPath();
        assertNull(page2.get("nextCursor"));
        List<String> seen = new ArrayList<>(page1.getList("items.jobId"));
        seen.addAll(page2.getList("items.jobId"));
        assertEquals(created, seen);
        assertEquals(List.of(1, 1), page1.getList("items.imageCount"));
        assertEquals("PENDING", page1.getString("items[0].status"));

        given().auth().oauth2(ApiClient.token("ivan")).get("/v1/jobs").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("nextCursor", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(ApiClient.token("ivan")).queryParam("cursor", cursor).get("/v1/jobs")
                .then().statusCode(400).body("code", equalTo("invalid-request"));
        given().auth().oauth2(token).queryParam("limit", 0).get("/v1/jobs").then().statusCode(400)
                .body("code", equalTo("invalid-request"));
    }
}
