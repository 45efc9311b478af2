package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import jobs.Job;
import jobs.JobStore;
import jobs.SourceObject;
import org.junit.jupiter.api.Test;
import support.Ulid;
import testing.ApiClient;
import testing.LocalAwsTestResource;

/** GET /v1/jobs over an owner with megabytes of jobs: every job once, newest first, page after page. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class JobListingTest {

    private static final int JOBS = 130;
    private static final int IMAGES_PER_JOB = 50;
    /** Close to the API's 8 KB limit on metadata: 130 jobs carry over 1 MB of it alone. */
    private static final String NOTE = "x".repeat(8100);

    @Inject
    JobStore store;

    @Test
    void anOwnersJobsSpanningMoreThanOneMegabyteAreListedOnceEachNewestFirst() {
        String owner = "lister";
        Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            Instant at = base.plusMillis(i);
            String jobId = Ulid.next(at);
            List<SourceObject> sources = new ArrayList<>();
            for (int n = 0; n < IMAGES_PER_JOB; n++) {
                sources.add(new SourceObject(LocalAwsTestResource.BUCKET,
                        "uploads/" + owner + "/" + jobId + "/image-" + n + ".jpg", 123_456L, "image/jpeg"));
            }
            store.create(Job.create(jobId, owner, "default", Map.of("note", NOTE), sources, at));
            created.add(jobId);
        }
        Collections.reverse(created);
        assertTrue((long) JOBS * NOTE.length() > 1024 * 1024, "the jobs hold more than 1 MB");

        String token = ApiClient.token(owner);
        for (int limit : new int[] {100, 20}) {
            List<String> listed = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String cursor = null;
            do {
                var request = given().auth().oauth2(token).queryParam("limit", limit);
                JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/v1/jobs")
                        .then().statusCode(200).extract().jsonPath();
                listed.addAll(page.getList("items.jobId"));
                pageSizes.add(page.getList("items").size());
                assertTrue(page.getList("items.imageCount").stream().allMatch(c -> c.equals(IMAGES_PER_JOB)));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            assertEquals(created, listed, "limit " + limit + ": every job once, newest first");
            int full = JOBS / limit;
            assertEquals(full + 1, pageSizes.size(), "limit " + limit + ": " + pageSizes);
            assertTrue(pageSizes.subList(0, full).stream().allMatch(size -> size == limit), pageSizes.toString());
        }

        JsonPath newest = given().auth().oauth2(token).get("/v1/jobs").then().statusCode(200).extract().jsonPath();
        assertEquals(created.subList(0, 20), newest.getList("items.jobId"), "20 by default");
        assertEquals("PENDING", newest.getString("items[0].status"));
        assertEquals(base.plusMillis(JOBS - 1), Instant.parse(newest.getString("items[0].createdAt")));
        assertNull(newest.get("items[0].metadata"), "the listing serves summaries only");
    }

    @Test
    void aCursorThatIsNotOneThisApiGaveTheCallerIsRefused() {
        String token = ApiClient.token("cursor-tester");
        String someone = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"owner\":\"heidi\",\"jobId\":\"01JD0000000000000000000000\",\"createdAt\":\"2026-11-29T10:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8));
        String badId = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"owner\":\"cursor-tester\",\"jobId\":\"../x\",\"createdAt\":\"2026-11-29T10:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8));
        for (String cursor : new String[] {"not base64 !", "bnVsbA", "e30", "WzFd", someone, badId}) {
            given().auth().oauth2(token).queryParam("cursor", cursor).get("/v1/jobs").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("invalid-request"));
        }
    }
}
