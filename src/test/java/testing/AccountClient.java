package testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The account steps an app takes, over real HTTP: sign up, read the code (dev/test only), confirm, sign in. */
public final class AccountClient {

    public static final String PASSWORD = "Sunny-day-42";
    private static final AtomicInteger USERS = new AtomicInteger();

    private AccountClient() {
    }

    /** An address no other test uses. */
    public static String newEmail(String name) {
        return name + "-" + System.nanoTime() + "-" + USERS.incrementAndGet() + "@example.com";
    }

    public static ValidatableResponse post(String path, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    public static String code(String email) {
        return given().queryParam("email", email).get("/dev/confirmation-code").then().statusCode(200)
                .extract().path("code");
    }

    /** Signs up, confirms with the code sent, and signs in: the tokens. */
    public static JsonPath signedUpAndIn(String email) {
        post("/v1/auth/signup", Map.of("email", email, "password", PASSWORD)).statusCode(201);
        post("/v1/auth/confirm", Map.of("email", email, "code", code(email))).statusCode(204);
        return post("/v1/auth/signin", Map.of("email", email, "password", PASSWORD)).statusCode(200).extract().jsonPath();
    }
}
