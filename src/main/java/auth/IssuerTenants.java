package auth;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import support.Json;

/**
 * Tells quarkus-oidc how to verify a bearer token. Always: the {@link TrustedIssuer}, through its JWKS
 * (cached, reloaded when a token names an unknown key), its exact issuer, a maximum token age, groups
 * from the configured claim, and the {@link TokenRule} ({@link TokenRuleValidator}); no introspection
 * fallback. In dev and test only ({@code app.auth.dev-key.enabled}, and never in a packaged service),
 * tokens whose {@code iss} is the dev issuer are verified against the local dev key ({@code POST /dev/token}).
 * The tenants are built here rather than in {@code quarkus.oidc.*} because in dev the user pool, and so
 * the issuer, exists only once the local stack has created it.
 */
@ApplicationScoped
public class IssuerTenants implements TenantConfigResolver {

    static final String ISSUER_TENANT = "issuer";
    static final String DEV_KEY_TENANT = "dev-key";

    private final TrustedIssuer issuer;
    private final Optional<String> devIssuer;
    private final String devPublicKey;
    private volatile OidcTenantConfig issuerTenant;
    private volatile OidcTenantConfig devKeyTenant;

    public IssuerTenants(TrustedIssuer issuer,
            @ConfigProperty(name = "app.auth.dev-key.enabled") boolean devKeyEnabled,
            @ConfigProperty(name = "app.auth.dev-key.issuer") String devIssuer,
            @ConfigProperty(name = "app.auth.dev-key.public-key") String devPublicKey) {
        this.issuer = issuer;
        // Never in a packaged service, whatever its configuration says: the dev key's private half is public.
        this.devIssuer = devKeyEnabled && LaunchMode.current().isDevOrTest() ? Optional.of(devIssuer) : Optional.empty();
        this.devPublicKey = devPublicKey;
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        if (devIssuer.isPresent() && devIssuer.get().equals(unverifiedIssuer(context))) {
            return Uni.createFrom().item(devKeyTenant());
        }
        return Uni.createFrom().item(issuerTenant());
    }

    private OidcTenantConfig issuerTenant() {
        if (issuerTenant == null) {
            issuerTenant = OidcTenantConfig.builder()
                    .tenantId(ISSUER_TENANT)
                    .applicationType(ApplicationType.SERVICE)
                    .authServerUrl(issuer.issuer())
                    .discoveryEnabled(false)
                    .jwksPath(issuer.jwksUrl())
                    .token()
                        .issuer(issuer.issuer())
                        .subjectRequired()
                        .age(issuer.maxTokenAge())
                        .forcedJwkRefreshInterval(issuer.jwksRefreshInterval())
                        .allowOpaqueTokenIntrospection(false)
                        .allowJwtIntrospection(false)
                        .end()
                    .roles().roleClaimPath(issuer.groupsClaim()).end()
                    .build();
        }
        return issuerTenant;
    }

    private OidcTenantConfig devKeyTenant() {
        if (devKeyTenant == null) {
            devKeyTenant = OidcTenantConfig.builder()
                    .tenantId(DEV_KEY_TENANT)
                    .applicationType(ApplicationType.SERVICE)
                    .publicKey(KeyUtils.removePemKeyBeginEnd(resource(devPublicKey)))
                    .token()
                        // Not subjectRequired: with a public key, quarkus-oidc 3.33 reads that flag as "enforce
                        // the audience" (OidcIdentityProvider.validateTokenWithoutOidcServer). Caller refuses
                        // tokens without sub.
                        .issuer(devIssuer.orElseThrow())
                        .allowOpaqueTokenIntrospection(false)
                        .allowJwtIntrospection(false)
                        .end()
                    .roles().roleClaimPath("groups").end()
                    .build();
        }
        return devKeyTenant;
    }

    /** The {@code iss} a bearer token claims, before any check: only used to pick the key that checks it. */
    private static String unverifiedIssuer(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            Object iss = Json.readMap(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                    .get("iss");
            return iss instanceof String s ? s : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String resource(String path) {
        try (InputStream in = IssuerTenants.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + path + " (app.auth.dev-key.public-key) is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
