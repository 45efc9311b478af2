package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.util.Map;
import org.junit.jupiter.api.Test;
import testing.DevKey;
import testing.LocalAwsTestResource;
import testing.StepFunctionsTestResource;

/**
 * The prod profile as it ships: the compatibility routes are off. Their paths are unknown (404
 * problem+json) to a caller with a good token, still need one (401), and are not in the API document.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@QuarkusTestResource(StepFunctionsTestResource.class)
@TestProfile(CompatibilityRoutesOffTest.ProductionTrustingTheDevKey.class)
class CompatibilityRoutesOffTest {

    private static final String DEV_ISSUER = "https://image-pipeline.local/dev";

    /**
     * Production, with the local servers' keys, the local pool's token rule (as ProductionProfileTest), and
     * the dev key trusted as well, to sign tokens here (it is never trusted in a packaged service).
     */
    public static class ProductionTrustingTheDevKey implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("camel.component.aws2-s3.use-default-credentials-provider", "false",
                    "camel.component.aws2-sqs.use-default-credentials-provider", "false",
                    "camel.component.aws2-ddb.use-default-credentials-provider", "false",
                    "app.auth.client-ids", "${app.cognito.client-id}",
                    "app.auth.dev-key.enabled", "true");
        }
    }

    @Test
    void theirPathsAreUnknownButStillNeedAToken() {
        String token = Jwt.issuer(DEV_ISSUER).subject("olga").sign(DevKey.privateKey());
        given().auth().oauth2(token).get("/v1/jobs").then().statusCode(200);
        for (String path : new String[] {"/uploads/presign", "/process", "/request-upload"}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post(path).then().statusCode(404)
                    .contentType("application/problem+json").body("code", equalTo("not-found"));
            given().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(401)
                    .contentType("application/problem+json").body("code", equalTo("unauthorized"));
        }
        for (String path : new String[] {"/jobs/01JD0000000000000000000000", "/get-results?jobId=x"}) {
            given().auth().oauth2(token).get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("not-found"));
        }
        given().get("/openapi.json").then().statusCode(200)
                .body("paths.keySet()", not(hasItem("/process")))
                .body("paths.keySet()", not(hasItem("/get-results")))
                .body("paths.keySet()", hasItem("/v1/jobs"));
    }
}
