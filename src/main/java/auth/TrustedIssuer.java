package auth;

import java.time.Duration;

/**
 * The one token issuer the service trusts, and what it accepts from it.
 *
 * @param issuer              the exact {@code iss} required
 * @param jwksUrl             where the issuer publishes its signing keys (JWKS)
 * @param rule                which tokens are accepted (access tokens of some clients, or ID tokens)
 * @param groupsClaim         the claim holding the caller's groups ({@code cognito:groups} for Cognito)
 * @param maxTokenAge         tokens issued ({@code iat}) longer ago are refused, whatever their {@code exp}
 * @param jwksRefreshInterval a token signed with a key id not in the cached JWKS reloads it, at most once
 *                            per interval (keys rotate; forged key ids must not hammer the issuer)
 */
public record TrustedIssuer(String issuer, String jwksUrl, TokenRule rule, String groupsClaim, Duration maxTokenAge,
        Duration jwksRefreshInterval) {
}
