package accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import accounts.CognitoErrors.Call;
import api.ApiException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyFailedAttemptsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** The mapping cognito-local cannot exercise: throttling, and what AWS's Cognito answers where cognito-local differs. */
class CognitoErrorsTest {

    private static final Supplier<String> POLICY = () -> "policy";

    @Test
    void throttlingAndLockoutAreTooManyAttemptsWhateverTheCall() {
        for (CognitoIdentityProviderException e : new CognitoIdentityProviderException[] {
            TooManyRequestsException.builder().message("Rate exceeded").build(),
            TooManyFailedAttemptsException.builder().message("Too many failed attempts").build(),
            LimitExceededException.builder().message("Attempt limit exceeded").build()}) {
            for (Call call : Call.values()) {
                ApiException problem = CognitoErrors.problem(call, POLICY, e);
                assertEquals(429, problem.status());
                assertEquals("too-many-attempts", problem.code());
            }
        }
    }

    @Test
    void signInSaysTheSameForAWrongPasswordAndAnUnknownUser() {
        ApiException wrong = CognitoErrors.problem(Call.SIGN_IN, POLICY,
                NotAuthorizedException.builder().message("Incorrect username or password.").build());
        ApiException unknown = CognitoErrors.problem(Call.SIGN_IN, POLICY,
                UserNotFoundException.builder().message("User does not exist.").build());
        assertEquals("invalid-credentials", wrong.code());
        assertEquals(wrong.code(), unknown.code());
        assertEquals(wrong.getMessage(), unknown.getMessage());
    }

    @Test
    void anAlreadyConfirmedOrUnknownUserLooksLikeAWrongCode() {
        assertEquals("code-mismatch", CognitoErrors.problem(Call.CONFIRM, POLICY, NotAuthorizedException.builder()
                .message("User cannot be confirmed. Current status is CONFIRMED").build()).code());
        assertEquals("code-mismatch", CognitoErrors.problem(Call.CONFIRM_FORGOT_PASSWORD, POLICY,
                UserNotFoundException.builder().message("Username/client id combination not found.").build()).code());
    }

    @Test
    void cognitoFailuresAreLeftToTheGenericError() {
        assertNull(CognitoErrors.problem(Call.SIGN_UP, POLICY, InternalErrorException.builder().message("boom").build()));
    }
}
