package testing;

import io.smallrye.jwt.build.Jwt;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
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

    /** A token for the user, as the dev profile would hand out. */
    public static String token(String user) {
        return Jwt.issuer(ISSUER).subject(user).sign(privateKey());
    }
}
