package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import local.LocalUserPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import testing.AccountClient;
import testing.ForgedTokens;
import testing.LocalAwsTestResource;
import testing.PoolUsers;

/** The other rule an operator may choose: ID tokens whose {@code aud} is the app client, access tokens refused. */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
@TestProfile(IdTokenRuleTest.IdTokens.class)
class IdTokenRuleTest {

    public static class IdTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("app.auth.client-ids", "", "app.auth.audiences", "${app.cognito.client-id}");
        }
    }

    private static PoolUsers users;
    private static String clientId;
    private static String issuer;

    @BeforeAll
    static void pool() {
        users = PoolUsers.ofService();
        clientId = PoolUsers.serviceClientId();
        issuer = users.issuer();
    }

    @AfterAll
    static void close() {
        users.close();
    }

    @Test
    void idTokensForTheAppClientAreAcceptedAndItsAccessTokensAreNot() {
        String email = AccountClient.newEmail("ivy");
        AuthenticationResultType tokens = users.signIn(clientId, email);
        given().auth().oauth2(tokens.idToken()).get("/v1/me").then().statusCode(200).body("email", equalTo(email));
        given().auth().oauth2(tokens.accessToken()).get("/v1/jobs").then().statusCode(401)
                .body("code", equalTo("unauthorized"));
        given().auth().oauth2(tokens.refreshToken()).get("/v1/jobs").then().statusCode(401);
    }

    @Test
    void idTokensForAnotherAudienceAreRefused() {
        String otherClient = LocalUserPool.ensureClient(users.client(), users.userPoolId(), "another-app");
        String foreign = users.signIn(otherClient, AccountClient.newEmail("olga")).idToken();
        given().auth().oauth2(foreign).get("/v1/jobs").then().statusCode(401);
    }

    @Test
    void anAudienceDoesNotMakeAnAccessTokenAnIdToken() {
        given().auth().oauth2(ForgedTokens.access(issuer, clientId, c -> c.audience(clientId).claim("token_use", "id")))
                .get("/v1/jobs").then().statusCode(200);
        given().auth().oauth2(ForgedTokens.access(issuer, clientId, c -> c.audience(clientId)))
                .get("/v1/jobs").then().statusCode(401);
    }
}
