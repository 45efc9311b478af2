package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import testing.LocalAwsTestResource;

/** The OpenAPI document generated from the REST DSL. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class ApiDocumentTest {

    @Test
    void describesEveryV1PathWithItsSchemasAndTheBearerScheme() {
        given().get("/openapi.json").then().statusCode(200)
                .body("paths.keySet()", hasItems("/v1/uploads", "/v1/jobs", "/v1/jobs/{jobId}"))
                .body("paths.'/v1/uploads'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/UploadRequest"))
                .body("paths.'/v1/uploads'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/UploadCreated"))
                .body("paths.'/v1/jobs'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/BatchRequest"))
                .body("paths.'/v1/jobs'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/JobPage"))
                .body("paths.'/v1/jobs/{jobId}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Job"))
                .body("components.schemas.Problem.properties.code", notNullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"));
    }

    @Test
    void describesTheAccountEndpointsAndWhichOfThemNeedABearerToken() {
        given().get("/openapi.json").then().statusCode(200)
                .body("paths.keySet()", hasItems("/v1/auth/signup", "/v1/auth/confirm", "/v1/auth/signin",
                        "/v1/auth/refresh", "/v1/auth/forgot-password", "/v1/auth/confirm-forgot-password",
                        "/v1/auth/signout", "/v1/me"))
                .body("paths.'/v1/auth/signin'.post.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Tokens"))
                .body("paths.'/v1/auth/signin'.post.security", nullValue())
                .body("paths.'/v1/me'.get.security[0].bearer", notNullValue())
                .body("paths.'/v1/auth/signout'.post.security[0].bearer", notNullValue());
    }
}
