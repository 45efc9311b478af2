package api;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the {@code sub} of the verified bearer token, as an owner id that is safe in an S3 key
 * segment and a DynamoDB key.
 *
 * <p>The mapping is injective, so no subject can be chosen to reach another's jobs: a subject of 1-128
 * letters, digits, {@code .}, {@code -} and {@code _} that does not start with a dot is its own owner id
 * (Cognito's UUIDs, the usual case); any other subject becomes a dot followed by the base64url (no
 * padding) of its UTF-8 bytes, a namespace that no kept subject can enter, and which decodes back to the
 * subject. Owner ids are at most 341 characters of {@code [A-Za-z0-9._-]}.
 */
public final class Caller {

    /** Set by platform-http once Quarkus has authenticated the request. */
    static final String AUTHENTICATED_USER = "CamelVertxPlatformHttpAuthenticatedUser";
    /** OpenID Connect Core 1.0, section 2: "It MUST NOT exceed 255 ASCII characters in length". */
    static final int MAX_SUBJECT_BYTES = 255;
    private static final Pattern KEPT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final String ENCODED = ".";

    private Caller() {
    }

    /**
     * The owner id of the authenticated caller.
     *
     * @throws ApiException 401 {@code unauthorized} without an authenticated user, or when the token has no
     *         {@code sub}, a blank one, or one {@link #ownerId} refuses
     */
    public static String owner(Exchange exchange) {
        Principal principal = identity(exchange).getPrincipal();
        String subject = principal instanceof JsonWebToken jwt ? jwt.getSubject() : principal.getName();
        if (subject == null || subject.isBlank()) {
            throw unauthorized("The bearer token has no subject (sub); it cannot own uploads or jobs");
        }
        return ownerId(subject);
    }

    /** The verified caller: its token ({@link JsonWebToken} principal) and its groups (roles). */
    public static SecurityIdentity identity(Exchange exchange) {
        QuarkusHttpUser user = exchange.getMessage().getHeader(AUTHENTICATED_USER, QuarkusHttpUser.class);
        if (user == null || user.getSecurityIdentity().isAnonymous()) {
            throw unauthorized("A valid bearer token is required");
        }
        return user.getSecurityIdentity();
    }

    /**
     * The owner id of a subject (see the class comment); distinct subjects get distinct ids.
     *
     * @throws ApiException 401 {@code unauthorized} for a subject over 255 bytes of UTF-8, or one that is
     *         not well-formed Unicode (a lone surrogate would encode like {@code ?} and collide)
     */
    static String ownerId(String subject) {
        if (KEPT.matcher(subject).matches()) {
            return subject;
        }
        byte[] utf8 = utf8(subject);
        if (utf8.length > MAX_SUBJECT_BYTES) {
            throw unauthorized("The bearer token's subject (sub) is longer than " + MAX_SUBJECT_BYTES + " bytes");
        }
        return ENCODED + Base64.getUrlEncoder().withoutPadding().encodeToString(utf8);
    }

    private static byte[] utf8(String subject) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(subject));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw unauthorized("The bearer token's subject (sub) is not well-formed Unicode");
        }
    }

    private static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", detail);
    }
}
