package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import local.LocalUserPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import testing.AccountClient;
import testing.ForgedTokens;
import testing.LocalAwsTestResource;
import testing.PoolUsers;

/**
 * The token policy (the test profile's, as production's): access tokens of the service's own app client,
 * from the pool's issuer, younger than the maximum age, groups from {@code cognito:groups}. Real tokens
 * come from cognito-local; forged ones are signed with cognito-local's key and differ from a valid token
 * in one claim only, so each test fails if its check is removed.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class TokenPolicyTest {

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
    void aForgedTokenWithEveryClaimRightIsAcceptedSoTheOthersFailOnTheirOneClaim() {
        given().auth().oauth2(ForgedTokens.access(issuer, clientId, c -> c)).get("/v1/jobs").then().statusCode(200);
    }

    @Test
    void idTokensAndRefreshTokensAreNotAccessTokens() {
        AuthenticationResultType tokens = users.signIn(clientId, AccountClient.newEmail("ida"));
        given().auth().oauth2(tokens.accessToken()).get("/v1/jobs").then().statusCode(200);
        for (String notAccess : new String[] {tokens.idToken(), tokens.refreshToken(),
                ForgedTokens.access(issuer, clientId, c -> c.claim("token_use", "id")),
                ForgedTokens.access(issuer, clientId, c -> c.remove("token_use"))}) {
            given().auth().oauth2(notAccess).get("/v1/jobs").then().statusCode(401)
                    .contentType("application/problem+json").body("code", equalTo("unauthorized"));
        }
    }

    @Test
    void accessTokensOfAnotherAppClientOfTheSamePoolAreRefused() {
        String otherClient = LocalUserPool.ensureClient(users.client(), users.userPoolId(), "another-app");
        String foreign = users.signIn(otherClient, AccountClient.newEmail("otto")).accessToken();
        given().auth().oauth2(foreign).get("/v1/jobs").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().auth().oauth2(ForgedTokens.access(issuer, clientId, c -> c.remove("client_id"))).get("/v1/jobs")
                .then().statusCode(401);
    }

    @Test
    void tokensIssuedLongerAgoThanTheMaximumAgeAreRefusedThoughNotExpired() {
        Instant now = Instant.now();
        String old = ForgedTokens.access(issuer, clientId,
                c -> c.issuedAt(now.minusSeconds(2 * 3600)).expiresAt(now.plusSeconds(3600)));
        String young = ForgedTokens.access(issuer, clientId,
                c -> c.issuedAt(now.minusSeconds(50 * 60)).expiresAt(now.plusSeconds(3600)));
        given().auth().oauth2(old).get("/v1/jobs").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().auth().oauth2(young).get("/v1/jobs").then().statusCode(200);
    }

    @Test
    void groupsComeFromCognitoGroupsAndGrantAdmin() {
        String email = AccountClient.newEmail("root");
        users.signIn(clientId, email);
        users.addToGroup(email, LocalUserPool.ADMIN_GROUP);
        String admin = users.signIn(clientId, email).accessToken();
        given().auth().oauth2(admin).get("/v1/me").then().statusCode(200).body("groups", equalTo(List.of("admin")));
        given().auth().oauth2(admin).post("/admin/dead-letters/replay").then().statusCode(200)
                .body("replayed", equalTo(0));

        String plain = users.signIn(clientId, AccountClient.newEmail("pat")).accessToken();
        given().auth().oauth2(plain).post("/admin/dead-letters/replay").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden"));
        // A "groups" claim is not Cognito's: it grants nothing (the same user, so that /v1/me finds them).
        String sub = given().auth().oauth2(plain).get("/v1/me").then().statusCode(200).extract().path("sub");
        String wrongClaim = ForgedTokens.access(issuer, clientId, c -> c.subject(sub).groups("admin"));
        given().auth().oauth2(wrongClaim).get("/v1/me").then().statusCode(200).body("groups", equalTo(List.of()));
        given().auth().oauth2(wrongClaim).post("/admin/dead-letters/replay").then().statusCode(403);
        String rightClaim = ForgedTokens.access(issuer, clientId, c -> c.claim("cognito:groups", List.of("admin")));
        given().auth().oauth2(rightClaim).post("/admin/dead-letters/replay").then().statusCode(200);
    }

    @Test
    void anotherIssuerOrAnotherKeyIsRefused() throws Exception {
        given().auth().oauth2(ForgedTokens.access("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_other",
                clientId, c -> c)).get("/v1/jobs").then().statusCode(401);
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String otherKey = ForgedTokens.sign(ForgedTokens.accessClaims(issuer, clientId),
                generator.generateKeyPair().getPrivate(), ForgedTokens.KEY_ID);
        given().auth().oauth2(otherKey).get("/v1/jobs").then().statusCode(401);
        given().auth().oauth2(Jwt.issuer(issuer).subject("x").sign()).get("/v1/jobs").then().statusCode(401);
    }
}
