package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.RateLimitSettings;
import api.RateLimited;
import api.RateLimits;
import aws.AwsClients;
import aws.AwsServiceSettings;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jobs.JobEnded;
import jobs.JobStore;
import jobs.RateDecision;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import testing.ApiClient;
import testing.LocalAwsTestResource;

/**
 * Per-owner rate limits, with small limits of this test's own: 429 {@code rate-limited} with
 * {@code Retry-After}, per owner and per call, shared by service instances through the table, and a new
 * window admitting again.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    private static final int UPLOADS_PER_HOUR = 3;
    private static final int JOBS_PER_HOUR = 2;

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // an hour, so that no window ends while a test runs
            return Map.of("app.rate-limits.uploads.requests", Integer.toString(UPLOADS_PER_HOUR),
                    "app.rate-limits.uploads.window", "PT1H",
                    "app.rate-limits.jobs.requests", Integer.toString(JOBS_PER_HOUR),
                    "app.rate-limits.jobs.window", "PT1H");
        }
    }

    @Inject
    RateLimitSettings settings;

    @Inject
    Event<JobEnded> jobEnded;

    private DynamoDbClient otherClient;
    /** A second service instance's view of the limits: its own DynamoDB client and job store, the same table. */
    private RateLimits otherInstance;
    private JobStore otherStore;

    @BeforeEach
    void secondInstance() {
        var config = ConfigProvider.getConfig();
        otherClient = AwsClients.newDynamo(AwsServiceSettings.read(config, "aws2-ddb"));
        otherStore = new JobStore(otherClient, table(), Duration.ofMinutes(2), jobEnded);
        otherInstance = new RateLimits(otherStore, settings);
    }

    @AfterEach
    void closeSecondInstance() {
        otherClient.close();
    }

    @Test
    void overTheLimitUploadsGet429WithRetryAfterAndOtherOwnersAreNotAffected() {
        String token = ApiClient.token("busy");
        for (int i = 0; i < UPLOADS_PER_HOUR; i++) {
            presign(token).then().statusCode(201);
        }
        Response refused = presign(token);
        refused.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("rate-limited"))
                .body("status", equalTo(429)).body("title", equalTo("Too Many Requests"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals("At most 3 POST /v1/uploads per 3600 s for one account; try again in " + retryAfter + " s",
                refused.path("detail"));
        // refused requests are not counted, and each owner has a window of their own
        presign(token).then().statusCode(429);
        presign(ApiClient.token("calm")).then().statusCode(201);
        // the other call has a limit of its own
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("images", List.of()))
                .post("/v1/jobs").then().statusCode(400).body("code", equalTo("invalid-request"));
    }

    @Test
    void batchesAreCountedBeforeTheirBodyIsChecked() {
        String token = ApiClient.token("batcher");
        for (int i = 0; i < JOBS_PER_HOUR; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/v1/jobs").then().statusCode(400);
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/v1/jobs").then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("code", equalTo("rate-limited"));
    }

    @Test
    void twoServiceInstancesShareOneLimitThroughTheTable() {
        String token = ApiClient.token("shared");
        otherInstance.admit("shared", RateLimits.Action.UPLOADS);
        presign(token).then().statusCode(201);
        otherInstance.admit("shared", RateLimits.Action.UPLOADS);
        presign(token).then().statusCode(429).body("code", equalTo("rate-limited"));
        RateLimited refused = assertThrows(RateLimited.class,
                () -> otherInstance.admit("shared", RateLimits.Action.UPLOADS));
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 3600);
    }

    @Test
    void aNewWindowAdmitsAgainAndEndedWindowsCarryTheirExpiryForTheTablesTtl() throws InterruptedException {
        Duration window = Duration.ofSeconds(1);
        RateDecision decision = otherStore.admit("edge", "test", 1, window);
        assertTrue(decision.admitted(), "a fresh window admits");
        // a window that ends between two calls admits once more
        for (int i = 0; i < 3 && decision.admitted(); i++) {
            decision = otherStore.admit("edge", "test", 1, window);
        }
        assertFalse(decision.admitted());
        assertTrue(decision.untilReset().compareTo(window) <= 0, decision.toString());
        Thread.sleep(decision.untilReset().toMillis() + 1);
        assertTrue(otherStore.admit("edge", "test", 1, window).admitted(), "a new window admits again");

        long now = Instant.now().getEpochSecond();
        List<Map<String, AttributeValue>> windows = otherClient.query(q -> q.tableName(table())
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("RATE#edge#test"))))
                .items();
        assertTrue(windows.size() >= 2, windows.toString());
        for (Map<String, AttributeValue> item : windows) {
            assertEquals("1", item.get("requests").n(), item.toString());
            long expiresAt = Long.parseLong(item.get("expiresAt").n());
            assertTrue(expiresAt > now - 10 && expiresAt <= now + 3, "epoch seconds just after the window: " + item);
        }
    }

    private static String table() {
        return ConfigProvider.getConfig().getValue("app.ddb.jobs-table", String.class);
    }

    private static Response presign(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("fileName", "a.jpg", "contentType", "image/jpeg", "size", 1000)).post("/v1/uploads");
    }
}
