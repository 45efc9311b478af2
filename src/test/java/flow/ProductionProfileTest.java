package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.util.Map;
import org.junit.jupiter.api.Test;
import testing.DevKey;
import testing.LocalAwsTestResource;

/** The service as it runs in production (prod profile), pointed at the local servers. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@TestProfile(ProductionProfileTest.Production.class)
class ProductionProfileTest {

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
    void theKubernetesProbesAnswerWithoutAToken() {
        for (String probe : new String[] {"started", "live", "ready"}) {
            given().get("/q/health/" + probe).then().statusCode(200).body("status", equalTo("UP"));
        }
    }
}
