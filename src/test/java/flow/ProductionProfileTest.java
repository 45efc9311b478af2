package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import testing.Browser;
import testing.DevKey;
import testing.LocalAwsTestResource;

/** The service as it runs in production (prod profile), pointed at the local servers. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@TestProfile(ProductionProfileTest.Production.class)
class ProductionProfileTest {

    @TestHTTPResource("/")
    URL page;

    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // The local servers take the test keys instead of the default AWS credential chain.
            return Map.of("camel.component.aws2-s3.use-default-credentials-provider", "false",
                    "camel.component.aws2-sqs.use-default-credentials-provider", "false",
                    "camel.component.aws2-ddb.use-default-credentials-provider", "false");
        }
    }

    @Test
    void thereIsNoDevTokenEndpointAndTheDevKeyIsNotTrusted() {
        given().contentType("application/json").body(Map.of("user", "alice")).post("/dev/token")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
        given().get("/openapi.json").then().statusCode(200)
                .body("paths.keySet()", not(org.hamcrest.Matchers.hasItem("/dev/token")));
        String devSigned = Jwt.issuer("https://image-pipeline.local/dev").subject("alice").sign(DevKey.privateKey());
        given().auth().oauth2(devSigned).get("/v1/jobs").then().statusCode(401)
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void thePageOffersNoDeveloperSignIn() {
        given().get("/client-config").then().statusCode(200).body("signIn.developer", equalTo(false));
        given().get("/").then().statusCode(200).header("Content-Security-Policy", containsString("default-src 'self'"));

        Browser.assumeAvailable();
        try (Browser browser = Browser.start()) {
            browser.open(page.toString());
            browser.waitUpTo(Duration.ofSeconds(15)).until(d -> browser.find("[data-view=sign-in]").isDisplayed()
                    && !browser.findAll("[data-slot=sign-in-methods] form").isEmpty());
            assertTrue(browser.findAll("[data-action=dev-sign-in]").isEmpty(), "no developer sign-in in prod");
            assertEquals(List.of(), browser.consoleProblems());
        }
    }

    @Test
    void theKubernetesProbesAnswerWithoutAToken() {
        for (String probe : new String[] {"started", "live", "ready"}) {
            given().get("/q/health/" + probe).then().statusCode(200).body("status", equalTo("UP"));
        }
    }
}
