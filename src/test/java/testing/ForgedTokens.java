package testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import support.Json;

/**
 * Tokens made by a test rather than by Cognito, to check each token rule alone. Signed with
 * cognito-local's own key (published in its npm package; key id {@code CognitoLocal}), they pass the
 * signature check exactly as the pool's real tokens do, so only the claim under test differs.
 */
public final class ForgedTokens {

    public static final String KEY_ID = "CognitoLocal";

    private ForgedTokens() {
    }

    /** cognito-local's signing key pair, as a JWK. */
    public static RsaJsonWebKey cognitoLocalKey() {
        Path file = Path.of(System.getProperty("local-aws.node-dir", "local-aws/node"))
                .resolve("node_modules/cognito-local/lib/keys/cognitoLocal.private.json");
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = (Map<String, Object>) Json.readMap(Files.readString(file)).get("jwk");
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(jwk);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read cognito-local's key from " + file, e);
        }
    }

    /**
     * An access token as the pool would issue to {@code clientId} (issued now, valid 1 h), changed by
     * {@code change}, signed with cognito-local's key.
     */
    public static String access(String issuer, String clientId, UnaryOperator<JwtClaimsBuilder> change) {
        return sign(change.apply(accessClaims(issuer, clientId)), cognitoLocalKey().getRsaPrivateKey(), KEY_ID);
    }

    public static JwtClaimsBuilder accessClaims(String issuer, String clientId) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer).subject("forged-user").claim("token_use", "access").claim("client_id", clientId)
                .claim("scope", "aws.cognito.signin.user.admin").issuedAt(now).expiresAt(now.plusSeconds(3600));
    }

    public static String sign(JwtClaimsBuilder claims, PrivateKey key, String keyId) {
        return claims.jws().keyId(keyId).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(key);
    }
}
