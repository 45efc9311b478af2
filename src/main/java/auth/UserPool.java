package auth;

import java.net.URI;
import java.util.Optional;

/**
 * The Cognito user pool behind the account endpoints, and the app client the service calls it as.
 * Either id is empty when the service is not configured with a pool (it may then still trust another
 * OIDC issuer's tokens, but serves no accounts).
 *
 * @param endpoint the Cognito API endpoint ({@code https://cognito-idp.<region>.amazonaws.com} in AWS)
 */
public record UserPool(Optional<String> userPoolId, Optional<String> clientId, URI endpoint) {

    /**
     * The pool's token issuer, the endpoint followed by the pool id, as Cognito (and cognito-local) write
     * it in {@code iss}: {@code https://cognito-idp.<region>.amazonaws.com/<userPoolId>}.
     */
    public Optional<String> issuer() {
        return userPoolId.map(id -> endpoint.toString().replaceAll("/+$", "") + "/" + id);
    }
}
