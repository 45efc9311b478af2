package auth;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Which of the issuer's tokens the service accepts as bearer tokens: exactly one rule, chosen by
 * configuration, so that one kind of token is never accepted by accident in place of the other.
 * Cognito's token claims: access tokens carry {@code token_use=access} and {@code client_id} (no
 * {@code aud}); ID tokens carry {@code token_use=id} and {@code aud} (the app client id); refresh tokens
 * are not meant to be read (cognito-local signs them as JWTs without {@code token_use}).
 * Source: "Understanding user pool JSON web tokens", Amazon Cognito Developer Guide.
 */
public sealed interface TokenRule {

    /** Why the verified claims do not satisfy the rule, or empty when they do. */
    Optional<String> violation(JwtClaims claims) throws MalformedClaimException;

    /**
     * Access tokens issued to one of these app clients: {@code token_use} is {@code access} and
     * {@code client_id} is in the set.
     */
    record AccessTokens(Set<String> clientIds) implements TokenRule {
        @Override
        public Optional<String> violation(JwtClaims claims) throws MalformedClaimException {
            String use = claims.getClaimValueAsString("token_use");
            if (!"access".equals(use)) {
                return Optional.of("token_use is " + use + ", not access");
            }
            String clientId = claims.getClaimValueAsString("client_id");
            return clientId != null && clientIds.contains(clientId) ? Optional.empty()
                    : Optional.of("client_id " + clientId + " is not a trusted app client");
        }
    }

    /**
     * ID tokens for one of these audiences: {@code aud} names one of them, and {@code token_use}, where
     * the issuer sets it (Cognito does), is {@code id}.
     */
    record IdTokens(Set<String> audiences) implements TokenRule {
        @Override
        public Optional<String> violation(JwtClaims claims) throws MalformedClaimException {
            String use = claims.getClaimValueAsString("token_use");
            if (use != null && !"id".equals(use)) {
                return Optional.of("token_use is " + use + ", not id");
            }
            List<String> aud = claims.getAudience();
            return aud.stream().anyMatch(audiences::contains) ? Optional.empty()
                    : Optional.of("aud " + aud + " names no trusted audience");
        }
    }

    /**
     * The one rule the settings name.
     *
     * @throws IllegalStateException when neither or both are set
     */
    static TokenRule of(List<String> clientIds, List<String> audiences) {
        if (!clientIds.isEmpty() && !audiences.isEmpty()) {
            throw new IllegalStateException("Both app.auth.client-ids (OIDC_CLIENT_IDS) and app.auth.audiences"
                    + " (OIDC_AUDIENCE) are set: set exactly one, client ids to accept access tokens of those app"
                    + " clients, or audiences to accept ID tokens for them");
        }
        if (!clientIds.isEmpty()) {
            return new AccessTokens(Set.copyOf(clientIds));
        }
        if (!audiences.isEmpty()) {
            return new IdTokens(Set.copyOf(audiences));
        }
        throw new IllegalStateException("No token rule is configured, so any app client's tokens would be accepted:"
                + " set app.auth.client-ids (OIDC_CLIENT_IDS, the Cognito app client ids whose access tokens are"
                + " accepted) or app.auth.audiences (OIDC_AUDIENCE, to accept ID tokens for those audiences)");
    }
}
