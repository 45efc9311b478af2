package auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.junit.jupiter.api.Test;

class TokenRuleTest {

    @Test
    void exactlyOneRuleMustBeConfigured() {
        assertInstanceOf(TokenRule.AccessTokens.class, TokenRule.of(List.of("app"), List.of()));
        assertInstanceOf(TokenRule.IdTokens.class, TokenRule.of(List.of(), List.of("app")));
        IllegalStateException neither = assertThrows(IllegalStateException.class, () -> TokenRule.of(List.of(), List.of()));
        assertTrue(neither.getMessage().contains("OIDC_CLIENT_IDS") && neither.getMessage().contains("OIDC_AUDIENCE"),
                neither.getMessage());
        IllegalStateException both = assertThrows(IllegalStateException.class,
                () -> TokenRule.of(List.of("a"), List.of("b")));
        assertTrue(both.getMessage().startsWith("Both app.auth.client-ids"), both.getMessage());
    }

    @Test
    void accessTokensNeedTheirUseAndOneOfTheClients() throws MalformedClaimException {
        TokenRule rule = new TokenRule.AccessTokens(Set.of("web", "mobile"));
        assertEquals(Optional.empty(), rule.violation(claims("access", "mobile", null)));
        assertTrue(rule.violation(claims("id", "web", null)).isPresent());
        assertTrue(rule.violation(claims(null, "web", null)).isPresent());
        assertTrue(rule.violation(claims("access", "other", null)).isPresent());
        assertTrue(rule.violation(claims("access", null, "web")).isPresent());
    }

    @Test
    void idTokensNeedOneOfTheAudiencesAndNoOtherUse() throws MalformedClaimException {
        TokenRule rule = new TokenRule.IdTokens(Set.of("web"));
        assertEquals(Optional.empty(), rule.violation(claims("id", null, "web")));
        assertEquals(Optional.empty(), rule.violation(claims(null, null, "web")), "an issuer without token_use");
        assertTrue(rule.violation(claims("access", null, "web")).isPresent());
        assertTrue(rule.violation(claims("id", "web", null)).isPresent());
        assertTrue(rule.violation(claims("id", null, "other")).isPresent());
    }

    private static JwtClaims claims(String use, String clientId, String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("someone");
        if (use != null) {
            claims.setClaim("token_use", use);
        }
        if (clientId != null) {
            claims.setClaim("client_id", clientId);
        }
        if (audience != null) {
            claims.setAudience(audience);
        }
        return claims;
    }
}
