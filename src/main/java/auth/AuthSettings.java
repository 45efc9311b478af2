package auth;

import aws.AwsServiceSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The user pool and the trusted issuer, from {@code app.cognito.*} and {@code app.auth.*}. In
 * {@code quarkus:dev} the pool is the one the local stack has just created, whose ids no configuration
 * can know in advance: the service then trusts that pool's access tokens for its own app client.
 * Checked at start: a service that cannot say exactly which tokens it accepts does not start.
 */
@ApplicationScoped
public class AuthSettings {

    private static final Logger LOG = Logger.getLogger(AuthSettings.class);

    private final Config config;
    private final Instance<LocalPool> localPool;

    public AuthSettings(Config config, Instance<LocalPool> localPool) {
        this.config = config;
        this.localPool = localPool;
    }

    @Produces
    @Singleton
    UserPool userPool() {
        AwsServiceSettings cognito = AwsServiceSettings.under(config, "app.cognito.");
        URI endpoint = cognito.endpointOverride()
                .orElse(URI.create("https://cognito-idp." + cognito.region().id() + ".amazonaws.com"));
        if (localPool.isResolvable()) {
            LocalPool.Ids local = localPool.get().ids();
            return new UserPool(Optional.of(local.userPoolId()), Optional.of(local.clientId()), endpoint);
        }
        return new UserPool(config.getOptionalValue("app.cognito.user-pool-id", String.class),
                config.getOptionalValue("app.cognito.client-id", String.class), endpoint);
    }

    @Produces
    @Singleton
    TrustedIssuer trustedIssuer(UserPool pool) {
        String issuer = config.getOptionalValue("app.auth.issuer", String.class).or(pool::issuer)
                .orElseThrow(() -> new IllegalStateException("No token issuer is configured: set"
                        + " app.cognito.user-pool-id (COGNITO_USER_POOL_ID) to trust that Cognito user pool, or"
                        + " app.auth.issuer (OIDC_ISSUER) for another OIDC issuer"));
        String jwks = config.getOptionalValue("app.auth.jwks-url", String.class)
                .orElse(issuer + "/.well-known/jwks.json");
        TokenRule rule = localPool.isResolvable()
                ? new TokenRule.AccessTokens(Set.of(pool.clientId().orElseThrow()))
                : TokenRule.of(list("app.auth.client-ids"), list("app.auth.audiences"));
        return new TrustedIssuer(issuer, jwks, rule, config.getValue("app.auth.groups-claim", String.class),
                config.getValue("app.auth.max-token-age", Duration.class),
                config.getValue("app.auth.jwks-refresh-interval", Duration.class));
    }

    /** Resolving the issuer at start makes a missing or ambiguous token rule stop the service with its reason. */
    void checkAtStart(@Observes StartupEvent event, TrustedIssuer issuer) {
        LOG.infof("Trusting tokens of %s: %s", issuer.issuer(), issuer.rule());
    }

    private List<String> list(String key) {
        return config.getOptionalValues(key, String.class).orElse(List.of());
    }
}
