package accounts;

import accounts.CognitoErrors.Call;
import api.ApiException;
import api.Caller;
import auth.UserPool;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.apache.camel.Exchange;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import support.Json;

/**
 * The account endpoints ({@code /v1/auth/*}, {@code /v1/me}) over the Cognito user pool API: each method
 * reads its request, makes one Cognito call as the service's app client, and answers with its response
 * record; Cognito's errors become problems in {@link CognitoErrors}. Sign-in uses
 * {@code USER_PASSWORD_AUTH} (the password travels to Cognito over TLS; the app client must allow it).
 */
@ApplicationScoped
@Named("accounts")
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class);

    private final CognitoIdentityProviderClient cognito;
    private final UserPool pool;
    private volatile PasswordPolicy policy;

    public Accounts(CognitoIdentityProviderClient cognito, UserPool pool) {
        this.cognito = cognito;
        this.pool = pool;
    }

    /** {@code POST /v1/auth/signup {"email", "password"}}: the new, unconfirmed user; a code goes to the address. */
    public SignedUp signUp(String body) {
        AccountRequest request = AccountRequest.parse(body);
        String email = request.email();
        String password = checkedPassword(request.password());
        var response = CognitoErrors.call(Call.SIGN_UP, this::policyText, () -> cognito.signUp(r -> r
                .clientId(clientId()).username(email).password(password)
                .userAttributes(AttributeType.builder().name("email").value(email).build())));
        return new SignedUp(response.userSub(), Boolean.TRUE.equals(response.userConfirmed()));
    }

    /** {@code POST /v1/auth/confirm {"email", "code"}}: confirms the address with the code sent to it. */
    public void confirm(String body) {
        AccountRequest request = AccountRequest.parse(body);
        String email = request.email();
        String code = request.code();
        CognitoErrors.call(Call.CONFIRM, this::policyText, () -> cognito.confirmSignUp(r -> r
                .clientId(clientId()).username(email).confirmationCode(code)));
    }

    /** {@code POST /v1/auth/signin {"email", "password"}}: access, ID and refresh tokens. */
    public Tokens signIn(String body) {
        AccountRequest request = AccountRequest.parse(body);
        String email = request.email();
        String password = request.password();
        InitiateAuthResponse response = CognitoErrors.call(Call.SIGN_IN, this::policyText, () -> cognito.initiateAuth(r -> r
                .clientId(clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", password))));
        return tokens(response);
    }

    /** {@code POST /v1/auth/refresh {"refreshToken"}}: new access and ID tokens (the refresh token stays). */
    public Tokens refresh(String body) {
        String refreshToken = AccountRequest.parse(body).refreshToken();
        InitiateAuthResponse response = CognitoErrors.call(Call.REFRESH, this::policyText, () -> cognito.initiateAuth(r -> r
                .clientId(clientId()).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))));
        return tokens(response);
    }

    /**
     * {@code POST /v1/auth/forgot-password {"email"}}: sends a reset code. Accepted alike for an unknown or
     * unconfirmed address, so the answer says nothing about which addresses have accounts.
     */
    public void forgotPassword(String body) {
        String email = AccountRequest.parse(body).email();
        try {
            CognitoErrors.call(Call.FORGOT_PASSWORD, this::policyText, () -> cognito.forgotPassword(r -> r
                    .clientId(clientId()).username(email)));
        } catch (UserNotFoundException | NotAuthorizedException | InvalidParameterException noResetPossible) {
            LOG.debugf("No password reset for an address: %s", noResetPossible.awsErrorDetails().errorCode());
        }
    }

    /** {@code POST /v1/auth/confirm-forgot-password {"email", "code", "password"}}: sets the new password. */
    public void confirmForgotPassword(String body) {
        AccountRequest request = AccountRequest.parse(body);
        String email = request.email();
        String code = request.code();
        String password = checkedPassword(request.password());
        CognitoErrors.call(Call.CONFIRM_FORGOT_PASSWORD, this::policyText, () -> cognito.confirmForgotPassword(r -> r
                .clientId(clientId()).username(email).confirmationCode(code).password(password)));
    }

    /**
     * {@code POST /v1/auth/signout} (bearer), optionally {@code {"refreshToken"}}: with the refresh token,
     * revokes it (Cognito {@code RevokeToken}: this session); without, signs the user out everywhere
     * (Cognito {@code GlobalSignOut} with the bearer access token: every refresh token of theirs). Access
     * tokens already issued stay valid until they expire (at most {@code app.auth.max-token-age}):
     * resource servers verify them offline.
     */
    public void signOut(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        if (body != null && !body.isBlank()) {
            String refreshToken = AccountRequest.parse(body).refreshToken();
            CognitoErrors.call(Call.REVOKE_TOKEN, this::policyText, () -> cognito.revokeToken(r -> r
                    .clientId(clientId()).token(refreshToken)));
            return;
        }
        JsonWebToken token = (JsonWebToken) Caller.identity(exchange).getPrincipal();
        if (!"access".equals(token.getClaim("token_use"))) {
            throw ApiException.invalid("Send {\"refreshToken\"} to sign out: only a Cognito access token can sign"
                    + " its user out everywhere");
        }
        CognitoErrors.call(Call.GLOBAL_SIGN_OUT, this::policyText, () -> cognito.globalSignOut(r -> r
                .accessToken(token.getRawToken())));
    }

    /**
     * {@code GET /v1/me} (bearer): the token's subject and groups, and the e-mail address: from an ID
     * token's {@code email} claim, or asked of Cognito with a Cognito access token (which has none).
     */
    public Me me(Exchange exchange) {
        SecurityIdentity identity = Caller.identity(exchange);
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        String email = token.getClaim("email");
        if (email == null && "access".equals(token.getClaim("token_use"))) {
            email = CognitoErrors.call(Call.GET_USER, this::policyText, () -> cognito.getUser(r -> r
                    .accessToken(token.getRawToken()))).userAttributes().stream()
                    .filter(a -> "email".equals(a.name())).map(AttributeType::value).findFirst().orElse(null);
        }
        return new Me(token.getSubject(), email, identity.getRoles().stream().sorted().toList());
    }

    private Tokens tokens(InitiateAuthResponse response) {
        AuthenticationResultType result = response.authenticationResult();
        if (result == null) {
            throw new ApiException(403, "challenge-required", "The user pool asks for " + response.challengeNameAsString()
                    + " before signing in, which this API does not offer; only password sign-in is supported");
        }
        long expiresIn = result.expiresIn() != null ? result.expiresIn() : secondsLeft(result.accessToken());
        return new Tokens(result.accessToken(), result.idToken(), result.refreshToken(), expiresIn, "Bearer");
    }

    /** Seconds until a token Cognito has just issued expires (cognito-local omits {@code ExpiresIn}). */
    private static long secondsLeft(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Object exp = Json.readMap(payload).get("exp");
        return exp instanceof Number n ? Math.max(0, n.longValue() - Instant.now().getEpochSecond()) : 0;
    }

    /** Refuses a password the pool's policy would refuse, stating the policy (Cognito states one rule). */
    private String checkedPassword(String password) {
        PasswordPolicy known = policy();
        if (known != null && !known.accepts(password)) {
            throw new ApiException(400, "invalid-password", known.describe());
        }
        return password;
    }

    private String policyText() {
        PasswordPolicy known = policy();
        return known != null ? known.describe() : "The password does not meet the user pool's password policy";
    }

    /** The pool's policy, read once (needs cognito-idp:DescribeUserPool); null while it cannot be read. */
    private PasswordPolicy policy() {
        if (policy == null && pool.userPoolId().isPresent()) {
            try {
                policy = PasswordPolicy.of(cognito.describeUserPool(r -> r.userPoolId(pool.userPoolId().get()))
                        .userPool().policies().passwordPolicy());
            } catch (CognitoIdentityProviderException e) {
                LOG.warnf("Cannot read the user pool's password policy (%s); Cognito will still enforce it",
                        e.awsErrorDetails().errorCode());
            }
        }
        return policy;
    }

    private String clientId() {
        return pool.clientId().orElseThrow(() -> new ApiException(404, "not-found",
                "Accounts are not enabled: the service has no Cognito app client (app.cognito.client-id)"));
    }
}
