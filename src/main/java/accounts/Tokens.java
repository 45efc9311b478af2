package accounts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code POST /v1/auth/signin} and {@code /refresh}: Cognito's tokens. Send {@code accessToken} as the
 * bearer token; {@code refreshToken} (sign-in only) gets new ones.
 *
 * @param expiresIn seconds until the access and ID tokens expire
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tokens(String accessToken, String idToken, String refreshToken, long expiresIn, String tokenType) {
}
