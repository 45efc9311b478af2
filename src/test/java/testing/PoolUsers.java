package testing;

import aws.AwsClients;
import aws.AwsServiceSettings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * Users of the local user pool made straight through the Cognito API (as an operator's script would),
 * for tests that need a signed-in user without going through the service's account endpoints.
 */
public final class PoolUsers implements AutoCloseable {

    public static final String PASSWORD = "Corr3ct-horse!";

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    private PoolUsers(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    /** For the pool the settings point at ({@code app.cognito.*}, as LocalAwsTestResource writes them). */
    public static PoolUsers of(Map<String, String> config) {
        return new PoolUsers(AwsClients.newCognito(new AwsServiceSettings(Region.EU_WEST_1,
                Optional.of(URI.create(config.get("app.cognito.uri-endpoint-override"))), false,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(config.get("app.cognito.access-key"),
                        config.get("app.cognito.secret-key"))))), config.get("app.cognito.user-pool-id"));
    }

    /** For the pool the running test service uses. */
    public static PoolUsers ofService() {
        return of(LocalAwsTestResource.current());
    }

    /** The service's own app client. */
    public static String serviceClientId() {
        return LocalAwsTestResource.current().get("app.cognito.client-id");
    }

    /** The pool's issuer, as cognito-local writes it in {@code iss}. */
    public String issuer() {
        return LocalAwsTestResource.current().get("app.cognito.uri-endpoint-override") + "/" + userPoolId;
    }

    public CognitoIdentityProviderClient client() {
        return cognito;
    }

    public String userPoolId() {
        return userPoolId;
    }

    /** Signs up a confirmed user (if not yet there) and signs in as {@code clientId}: its tokens. */
    public AuthenticationResultType signIn(String clientId, String email) {
        if (cognito.listUsers(l -> l.userPoolId(userPoolId)).users().stream().noneMatch(u -> u.attributes().stream()
                .anyMatch(a -> a.name().equals("email") && a.value().equals(email)))) {
            cognito.signUp(s -> s.clientId(clientId).username(email).password(PASSWORD)
                    .userAttributes(AttributeType.builder().name("email").value(email).build()));
            cognito.adminConfirmSignUp(c -> c.userPoolId(userPoolId).username(email));
        }
        return cognito.initiateAuth(a -> a.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))).authenticationResult();
    }

    /** Puts the user in a group, as {@code aws cognito-idp admin-add-user-to-group} does. */
    public void addToGroup(String email, String group) {
        cognito.adminAddUserToGroup(a -> a.userPoolId(userPoolId).username(email).groupName(group));
    }

    @Override
    public void close() {
        cognito.close();
    }
}
