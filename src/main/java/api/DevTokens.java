package api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import support.Json;

/**
 * {@code POST /dev/token} (dev and test only): a token for any user name (and, optionally, groups such as
 * {@code admin}), signed with the local dev key.
 * Production never loads the route that calls this, and does not trust that key ({@code auth.IssuerTenants}).
 */
@ApplicationScoped
@Named("devTokens")
public class DevTokens {

    private final String issuer;
    private final Duration ttl;

    public DevTokens(@ConfigProperty(name = "app.auth.dev-key.issuer") String issuer,
            @ConfigProperty(name = "app.dev-token.ttl", defaultValue = "PT12H") Duration ttl) {
        this.issuer = issuer;
        this.ttl = ttl;
    }

    public String issue(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode user = root.get("user");
        if (user == null || !user.isTextual() || user.asText().isBlank()) {
            throw ApiException.invalid("user is required: {\"user\": \"alice\"}");
        }
        // a longer subject would be refused by every /v1 call
        JsonFields.bounded("user", user.asText(), Caller.MAX_SUBJECT_BYTES);
        JsonNode groups = root.get("groups");
        Set<String> roles = new HashSet<>();
        if (groups != null && groups.isArray()) {
            groups.forEach(g -> roles.add(g.asText()));
        }
        String token = Jwt.issuer(issuer).subject(user.asText()).upn(user.asText()).groups(roles).expiresIn(ttl).sign();
        return Json.write(Map.of("token", token));
    }
}
