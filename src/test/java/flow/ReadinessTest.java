package flow;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import local.LocalAwsServers;
import org.junit.jupiter.api.Test;
import testing.LocalAws;
import testing.LocalAwsTestResource;

/**
 * Readiness reflects the Camel consumer and the AWS services it needs: DOWN while the local SQS server is
 * stopped, UP again once it is back; liveness stays UP throughout (a pod is not restarted for an outage
 * of its dependencies). Test profile: checks every second, down after two failures in a row.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class ReadinessTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @LocalAws
    LocalAwsServers servers;

    @Test
    void readinessFollowsTheQueueServerAndLivenessDoesNot() throws InterruptedException {
        JsonPath up = awaitReadiness(200);
        assertEquals("UP", check(up, "camel"));
        assertEquals("UP", check(up, "s3"));
        assertEquals("UP", check(up, "sqs"));
        assertEquals("UP", check(up, "dynamodb"));

        servers.kill(LocalAwsServers.Server.SQS);
        try {
            JsonPath down = awaitReadiness(503);
            assertEquals("DOWN", check(down, "sqs"));
            assertEquals("UP", check(down, "s3"));
            assertEquals("UP", check(down, "dynamodb"));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            servers.restart(LocalAwsServers.Server.SQS);
        }
        assertEquals("UP", check(awaitReadiness(200), "sqs"));
    }

    private static JsonPath awaitReadiness(int status) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            var response = given().get("/q/health/ready").then().extract();
            if (response.statusCode() == status) {
                return response.jsonPath();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Readiness still " + response.statusCode() + " after " + WITHIN + ": "
                        + response.asString());
            }
            Thread.sleep(200);
        }
    }

    private static String check(JsonPath health, String name) {
        return health.getString("checks.find { it.name == '" + name + "' }.status");
    }
}
