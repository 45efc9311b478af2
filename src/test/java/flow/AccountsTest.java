package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import testing.AccountClient;
import testing.ApiClient;
import testing.LocalAwsTestResource;

/**
 * Accounts through the service's endpoints and the real cognito-local: the whole life of an account,
 * and Cognito's errors as problem documents.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class AccountsTest {

    private static final String POLICY = "The password must be at least 8 characters long and contain an upper-case"
            + " letter, a lower-case letter, a digit and a symbol such as ! @ # $ % ^ & *";

    @Test
    void signUpConfirmSignInUploadRefreshAndSignOut() {
        String email = AccountClient.newEmail("ada");
        JsonPath signedUp = AccountClient.post("/v1/auth/signup", Map.of("email", email, "password", AccountClient.PASSWORD))
                .statusCode(201).contentType("application/json").body("confirmed", equalTo(false))
                .extract().jsonPath();
        String sub = signedUp.getString("userSub");
        assertFalse(sub.isBlank());

        AccountClient.post("/v1/auth/signin", Map.of("email", email, "password", AccountClient.PASSWORD))
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("not-confirmed"));
        String code = AccountClient.code(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        AccountClient.post("/v1/auth/confirm", Map.of("email", email, "code", wrong))
                .statusCode(400).body("code", equalTo("code-mismatch"));
        AccountClient.post("/v1/auth/confirm", Map.of("email", email, "code", code)).statusCode(204);
        AccountClient.post("/v1/auth/confirm", Map.of("email", email, "code", code))
                .statusCode(400).body("code", equalTo("code-expired"));

        JsonPath tokens = AccountClient.post("/v1/auth/signin", Map.of("email", email, "password", AccountClient.PASSWORD))
                .statusCode(200).contentType("application/json").body("tokenType", equalTo("Bearer"))
                .extract().jsonPath();
        String access = tokens.getString("accessToken");
        String refresh = tokens.getString("refreshToken");
        assertFalse(tokens.getString("idToken").isBlank());
        long expiresIn = tokens.getLong("expiresIn");
        assertTrue(expiresIn > 3500 && expiresIn <= 3600, "the app client's 60-minute tokens: " + expiresIn);

        given().auth().oauth2(access).get("/v1/me").then().statusCode(200)
                .body("sub", equalTo(sub)).body("email", equalTo(email)).body("groups", equalTo(List.of()));

        JsonPath job = ApiClient.upload(access, "photos/large-landscape-4032x3024.jpg", "image/jpeg");
        assertEquals("COMPLETED", job.getString("status"));
        assertTrue(job.getString("images[0].source.key").startsWith("uploads/" + sub + "/"), "the token's sub owns it");

        ExtractableResponse<Response> refreshed = AccountClient.post("/v1/auth/refresh", Map.of("refreshToken", refresh))
                .statusCode(200).body("tokenType", equalTo("Bearer")).extract();
        assertFalse(refreshed.jsonPath().getMap("").containsKey("refreshToken"), "no new refresh token");
        String renewed = refreshed.path("accessToken");
        assertNotEquals(access, renewed);
        given().auth().oauth2(renewed).get("/v1/jobs").then().statusCode(200)
                .body("items[0].jobId", equalTo(job.getString("jobId")));

        given().contentType("application/json").body(Map.of("refreshToken", refresh)).post("/v1/auth/signout")
                .then().statusCode(401).body("code", equalTo("unauthorized"));
        given().auth().oauth2(renewed).contentType("application/json").body(Map.of("refreshToken", refresh))
                .post("/v1/auth/signout").then().statusCode(204);
        AccountClient.post("/v1/auth/refresh", Map.of("refreshToken", refresh))
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("invalid-credentials"));
    }

    @Test
    void signUpRefusesATakenAddressAPasswordOutsideThePolicyAndAMalformedRequest() {
        String email = AccountClient.newEmail("grace");
        AccountClient.post("/v1/auth/signup", Map.of("email", email, "password", AccountClient.PASSWORD)).statusCode(201);
        AccountClient.post("/v1/auth/signup", Map.of("email", email, "password", AccountClient.PASSWORD))
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("user-exists"));
        for (String weak : new String[] {"Sh0rt!", "alllowercase-42", "NoDigits-here", "NoSymbols42here"}) {
            AccountClient.post("/v1/auth/signup", Map.of("email", AccountClient.newEmail("weak"), "password", weak))
                    .statusCode(400).body("code", equalTo("invalid-password")).body("detail", equalTo(POLICY));
        }
        AccountClient.post("/v1/auth/signup", Map.of("email", "not-an-address", "password", AccountClient.PASSWORD))
                .statusCode(400).body("code", equalTo("invalid-request")).body("detail", containsString("email"));
        AccountClient.post("/v1/auth/signup", Map.of("email", email))
                .statusCode(400).body("code", equalTo("invalid-request")).body("detail", equalTo("password is required"));
        given().contentType("application/json").body("{\"email\": ").post("/v1/auth/signup")
                .then().statusCode(400).body("code", equalTo("invalid-request"));
    }

    @Test
    void aFailedSignInNeverSaysWhetherTheAccountExists() {
        String email = AccountClient.newEmail("alan");
        AccountClient.signedUpAndIn(email);
        Map<String, Object> wrongPassword = AccountClient.post("/v1/auth/signin",
                Map.of("email", email, "password", "Wrong-pass-1")).statusCode(401).extract().jsonPath().getMap("");
        Map<String, Object> unknownUser = AccountClient.post("/v1/auth/signin",
                Map.of("email", AccountClient.newEmail("nobody"), "password", "Wrong-pass-1")).statusCode(401)
                .extract().jsonPath().getMap("");
        assertEquals("invalid-credentials", wrongPassword.get("code"));
        assertEquals(wrongPassword, unknownUser);
    }

    @Test
    void aForgottenPasswordIsResetWithTheCodeSent() {
        String email = AccountClient.newEmail("barbara");
        AccountClient.signedUpAndIn(email);
        AccountClient.post("/v1/auth/forgot-password", Map.of("email", email)).statusCode(202);
        AccountClient.post("/v1/auth/forgot-password", Map.of("email", AccountClient.newEmail("nobody"))).statusCode(202);
        String code = AccountClient.code(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        String newPassword = "Rainy-night-7";
        AccountClient.post("/v1/auth/confirm-forgot-password", Map.of("email", email, "code", code, "password", "weak"))
                .statusCode(400).body("code", equalTo("invalid-password")).body("detail", equalTo(POLICY));
        AccountClient.post("/v1/auth/confirm-forgot-password", Map.of("email", email, "code", wrong, "password", newPassword))
                .statusCode(400).body("code", equalTo("code-mismatch"));
        AccountClient.post("/v1/auth/confirm-forgot-password", Map.of("email", email, "code", code, "password", newPassword))
                .statusCode(204);
        AccountClient.post("/v1/auth/signin", Map.of("email", email, "password", AccountClient.PASSWORD))
                .statusCode(401).body("code", equalTo("invalid-credentials"));
        AccountClient.post("/v1/auth/signin", Map.of("email", email, "password", newPassword)).statusCode(200);
    }

    @Test
    void theCodeEndpointNeedsAnAddressWithACodeWaiting() {
        given().get("/dev/confirmation-code").then().statusCode(400).body("code", equalTo("invalid-request"));
        given().queryParam("email", AccountClient.newEmail("nobody")).get("/dev/confirmation-code")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
    }

    @Test
    void devTokensStillWorkInTestButHaveNothingToSignOut() {
        String dev = ApiClient.token("dev-user");
        given().auth().oauth2(dev).get("/v1/me").then().statusCode(200)
                .body("sub", equalTo("dev-user")).body("email", equalTo(null));
        given().auth().oauth2(dev).post("/v1/auth/signout").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid-request"));
    }
}
