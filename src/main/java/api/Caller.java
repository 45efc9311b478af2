package api;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.security.Principal;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the {@code sub} of the verified bearer token. The owner id is that subject when it is
 * safe in an S3 key, else a stable hash of it.
 */
public final class Caller {

    /** Set by platform-http once Quarkus has authenticated the request. */
    static final String AUTHENTICATED_USER = "CamelVertxPlatformHttpAuthenticatedUser";
    private static final Pattern KEY_SAFE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private Caller() {
    }

    public static String owner(Exchange exchange) {
        Principal principal = identity(exchange).getPrincipal();
        String subject = principal instanceof JsonWebToken jwt ? jwt.getSubject() : principal.getName();
        if (subject == null || subject.isEmpty()) {
            throw new ApiException(401, "unauthorized", "The bearer token has no subject (sub)");
        }
        return ownerId(subject);
    }

    /** The verified caller: its token ({@link JsonWebToken} principal) and its groups (roles). */
    public static SecurityIdentity identity(Exchange exchange) {
        QuarkusHttpUser user = exchange.getMessage().getHeader(AUTHENTICATED_USER, QuarkusHttpUser.class);
        if (user == null || user.getSecurityIdentity().isAnonymous()) {
            throw new ApiException(401, "unauthorized", "A valid bearer token is required");
        }
        return user.getSecurityIdentity();
    }

    static String ownerId(String subject) {
        if (KEY_SAFE.matcher(subject).matches() && !subject.startsWith(".")) {
            return subject;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return "u-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
