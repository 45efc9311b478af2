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
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.Test;
import testing.Browser;
import testing.DevKey;
import testing.ForgedTokens;
import testing.LocalAwsTestResource;
import testing.PoolUsers;
import testing.RotatingJwks;

/**
 * The service as it runs in production (prod profile), pointed at the local servers: no dev key, the
 * pool's access tokens only, its JWKS cached and reloaded when keys rotate.
 */
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
            // The local servers take the test keys instead of the default AWS credential chain. Tokens: the
            // local pool's, for the service's app client, as an operator would configure it; a JWKS refresh
            // allowed every second, so that a test can rotate keys.
            return Map.of("camel.component.aws2-s3.use-default-credentials-provider", "false",
                    "camel.component.aws2-sqs.use-default-credentials-provider", "false",
                    "camel.component.aws2-ddb.use-default-credentials-provider", "false",
                    "app.auth.client-ids", "${app.cognito.client-id}",
                    "app.auth.jwks-refresh-interval", "PT1S");
        }

        /** The pool's keys served from a JWKS endpoint the tests can rotate. */
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RotatingJwks.class));
        }
    }

    @Test
    void thereIsNoDevTokenEndpointAndTheDevKeyIsNotTrusted() {
        given().contentType("application/json").body(Map.of("user", "alice")).post("/dev/token")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
        given().queryParam("email", "alice@example.com").get("/dev/confirmation-code").then().statusCode(404);
        given().get("/openapi.json").then().statusCode(200)
                .body("paths.keySet()", not(org.hamcrest.Matchers.hasItem("/dev/token")));
        String devSigned = Jwt.issuer("https://image-pipeline.local/dev").subject("alice").sign(DevKey.privateKey());
        given().auth().oauth2(devSigned).get("/v1/jobs").then().statusCode(401)
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void thePoolsAccessTokensForTheAppClientAreAccepted() {
        try (PoolUsers users = PoolUsers.ofService()) {
            String email = "prod-" + System.nanoTime() + "@example.com";
            String token = users.signIn(PoolUsers.serviceClientId(), email).accessToken();
            given().auth().oauth2(token).get("/v1/me").then().statusCode(200).body("email", equalTo(email));
            given().auth().oauth2(users.signIn(PoolUsers.serviceClientId(), email).idToken()).get("/v1/jobs")
                    .then().statusCode(401);
        }
    }

    @Test
    void thePageOffersNoDeveloperSignIn() {
        given().get("/client-config").then().statusCode(200).body("signIn.developer", equalTo(false))
                .body("signIn.accounts", equalTo(true));
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
    void aTokenSignedWithANewlyPublishedKeyIsAcceptedOnceTheJwksIsReloaded() throws Exception {
        RsaJsonWebKey rotated = RsaJwkGenerator.generateJwk(2048);
        rotated.setKeyId("rotated-" + System.nanoTime());
        String issuer;
        try (PoolUsers users = PoolUsers.ofService()) {
            issuer = users.issuer();
        }
        String signedWithNewKey = ForgedTokens.sign(ForgedTokens.accessClaims(issuer, PoolUsers.serviceClientId()),
                rotated.getRsaPrivateKey(), rotated.getKeyId());
        given().auth().oauth2(signedWithNewKey).get("/v1/jobs").then().statusCode(401);
        RotatingJwks.publish(rotated);
        Thread.sleep(1100);
        given().auth().oauth2(signedWithNewKey).get("/v1/jobs").then().statusCode(200);
    }

    @Test
    void theJwksIsCachedAndUnknownKeyIdsReloadItAtMostOncePerInterval() throws Exception {
        String issuer;
        try (PoolUsers users = PoolUsers.ofService()) {
            issuer = users.issuer();
        }
        String known = ForgedTokens.access(issuer, PoolUsers.serviceClientId(), c -> c);
        given().auth().oauth2(known).get("/v1/jobs").then().statusCode(200);
        int before = RotatingJwks.fetches();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(known).get("/v1/jobs").then().statusCode(200);
        }
        assertEquals(before, RotatingJwks.fetches(), "a known key id is served from the cache");

        Thread.sleep(1100);
        RsaJsonWebKey unknown = RsaJwkGenerator.generateJwk(2048);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            unknown.setKeyId("unknown-" + i);
            given().auth().oauth2(ForgedTokens.sign(ForgedTokens.accessClaims(issuer, PoolUsers.serviceClientId()),
                    unknown.getRsaPrivateKey(), unknown.getKeyId())).get("/v1/jobs").then().statusCode(401);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        int reloads = RotatingJwks.fetches() - before;
        assertTrue(reloads >= 1 && reloads <= 1 + seconds,
                "5 unknown key ids in " + seconds + " s reload the JWKS at most once a second: " + reloads);
    }

    @Test
    void theKubernetesProbesAnswerWithoutAToken() {
        for (String probe : new String[] {"started", "live", "ready"}) {
            given().get("/q/health/" + probe).then().statusCode(200).body("status", equalTo("UP"));
        }
    }
}
