package accounts;

import api.ApiException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyFailedAttemptsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Cognito's errors as problem documents, in one place. What an error means depends on the call: a
 * {@code NotAuthorizedException} is a wrong password at sign-in but a bad refresh token at refresh. Calls
 * that could tell whether an account exists answer the same whether it does or not: sign-in says only
 * that the e-mail address or the password is wrong, a password reset for an unknown address looks
 * accepted, and codes for one look wrong. Exceptions not listed (Cognito unavailable, throttled by AWS,
 * a misconfigured pool) are left to the generic 500.
 */
final class CognitoErrors {

    /** The account calls, each with its own reading of Cognito's exceptions. */
    enum Call {
        SIGN_UP, CONFIRM, SIGN_IN, REFRESH, FORGOT_PASSWORD, CONFIRM_FORGOT_PASSWORD, REVOKE_TOKEN, GLOBAL_SIGN_OUT, GET_USER
    }

    static final String INVALID_CREDENTIALS = "The e-mail address or the password is not correct";

    private CognitoErrors() {
    }

    /**
     * Runs one Cognito call, turning its client-facing errors into {@link ApiException}s.
     *
     * @param policy what to say when a password is refused
     */
    static <T> T call(Call call, Supplier<String> policy, Supplier<T> request) {
        try {
            return request.get();
        } catch (CognitoIdentityProviderException e) {
            ApiException problem = problem(call, policy, e);
            if (problem == null) {
                throw e;
            }
            throw problem;
        }
    }

    /** The problem for Cognito's exception {@code e} in {@code call}, or null for an unexpected one. */
    static ApiException problem(Call call, Supplier<String> policy, CognitoIdentityProviderException e) {
        if (e instanceof TooManyRequestsException || e instanceof TooManyFailedAttemptsException
                || e instanceof LimitExceededException) {
            return new ApiException(429, "too-many-attempts", "Too many attempts; wait a few minutes and try again");
        }
        return switch (call) {
            case SIGN_UP -> e instanceof UsernameExistsException
                    ? new ApiException(409, "user-exists", "An account with this e-mail address already exists;"
                            + " sign in, or reset its password")
                    : e instanceof InvalidPasswordException ? invalidPassword(policy)
                    : e instanceof InvalidParameterException ? ApiException.invalid(e.awsErrorDetails().errorMessage())
                    : null;
            case CONFIRM -> e instanceof ExpiredCodeException ? codeExpired()
                    // An unknown user, or one already confirmed: as if the code were wrong.
                    : e instanceof CodeMismatchException || e instanceof UserNotFoundException
                            || e instanceof NotAuthorizedException ? codeMismatch()
                    : null;
            case SIGN_IN -> e instanceof UserNotConfirmedException
                    ? new ApiException(403, "not-confirmed", "Confirm the e-mail address first, with the code sent to it")
                    : e instanceof PasswordResetRequiredException
                            ? new ApiException(403, "password-reset-required",
                                    "The password must be reset: use forgot-password, then confirm-forgot-password")
                    // cognito-local answers a wrong password with InvalidPasswordException.
                    : e instanceof NotAuthorizedException || e instanceof UserNotFoundException
                            || e instanceof InvalidPasswordException
                            ? new ApiException(401, "invalid-credentials", INVALID_CREDENTIALS)
                    : null;
            case REFRESH -> e instanceof NotAuthorizedException || e instanceof UserNotFoundException
                    ? new ApiException(401, "invalid-credentials",
                            "The refresh token is not valid: it expired, was revoked or was not issued to this service;"
                                    + " sign in again")
                    : null;
            case FORGOT_PASSWORD -> null;
            case CONFIRM_FORGOT_PASSWORD -> e instanceof ExpiredCodeException ? codeExpired()
                    : e instanceof CodeMismatchException || e instanceof UserNotFoundException
                            || e instanceof NotAuthorizedException ? codeMismatch()
                    : e instanceof InvalidPasswordException ? invalidPassword(policy)
                    : null;
            case REVOKE_TOKEN -> e instanceof NotAuthorizedException || e instanceof InvalidParameterException
                    ? new ApiException(400, "invalid-request",
                            "refreshToken is not a refresh token this service issued (or it was already revoked)")
                    : null;
            case GLOBAL_SIGN_OUT, GET_USER -> e instanceof NotAuthorizedException || e instanceof UserNotFoundException
                    ? new ApiException(401, "unauthorized", "The access token was revoked or its user no longer exists")
                    : null;
        };
    }

    private static ApiException invalidPassword(Supplier<String> policy) {
        return new ApiException(400, "invalid-password", policy.get());
    }

    private static ApiException codeMismatch() {
        return new ApiException(400, "code-mismatch", "The code is not the one sent to this e-mail address");
    }

    private static ApiException codeExpired() {
        return new ApiException(400, "code-expired", "The code has expired or was already used: ask for a new one");
    }
}
