package auth;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.TenantFeature;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * Applies the configured {@link TokenRule} to every token of the trusted issuer, after its signature,
 * issuer, expiry and age were checked. quarkus-oidc runs each {@link Validator} bean of a tenant; its own
 * {@code required-claims} cannot say "one of these values" for a string claim such as {@code client_id}.
 */
@ApplicationScoped
@TenantFeature(IssuerTenants.ISSUER_TENANT)
@Unremovable // quarkus-oidc looks validators up at run time; nothing injects this one
public class TokenRuleValidator implements Validator {

    private final TrustedIssuer issuer;

    public TokenRuleValidator(TrustedIssuer issuer) {
        this.issuer = issuer;
    }

    /** The reason the token is refused, or null when the rule accepts it (jose4j's contract). */
    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        return issuer.rule().violation(context.getJwtClaims()).orElse(null);
    }
}
