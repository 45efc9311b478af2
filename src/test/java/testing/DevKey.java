package testing;

import io.smallrye.jwt.build.Jwt;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** The key POST /dev/token signs with in dev and test, for tests that sign tokens themselves. */
public final class DevKey {

    public static final String ISSUER = "https://image-pipeline.local/dev";

    private DevKey() {
    }

    public static PrivateKey privateKey() {
        try (InputStream in = DevKey.class.getClassLoader().getResourceAsStream("dev/jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token whose claims are exactly this JSON, signed RS256 with the dev key: for claims the token
     * builder would not write (no {@code sub}, escapes such as a lone surrogate).
     */
    public static String signClaims(String claimsJson) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for the user, as the dev profile would hand out. */
    public static String token(String user) {
        return Jwt.issuer(ISSUER).subject(user).sign(privateKey());
    }
}
