package local;

import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Creates, if missing, the Cognito user pool the service signs users up in, its app client and the
 * {@code admin} group, on a Cognito-compatible server (cognito-local in dev and test). In AWS they come
 * from infrastructure code (see the README); the settings here are the ones to give the real pool.
 * Found again by name, so a restart reuses the pool and its users.
 */
public final class LocalUserPool {

    private static final Logger LOG = Logger.getLogger(LocalUserPool.class);
    public static final String POOL_NAME = "image-pipeline";
    public static final String CLIENT_NAME = "image-pipeline-app";
    public static final String ADMIN_GROUP = "admin";

    /** The pool and the app client the service calls Cognito with (and whose access tokens it trusts). */
    public record Ids(String userPoolId, String clientId) {
    }

    private LocalUserPool() {
    }

    public static Ids ensure(CognitoIdentityProviderClient cognito) {
        String poolId = UntilReady.call(() -> pool(cognito));
        String clientId = UntilReady.call(() -> appClient(cognito, poolId, CLIENT_NAME));
        UntilReady.run(() -> adminGroup(cognito, poolId));
        return new Ids(poolId, clientId);
    }

    /**
     * Another app client of the same pool: its tokens are signed by the same key as the service's own
     * client, which is what a token rule on {@code client_id} has to tell apart.
     */
    public static String ensureClient(CognitoIdentityProviderClient cognito, String userPoolId, String clientName) {
        return UntilReady.call(() -> appClient(cognito, userPoolId, clientName));
    }

    private static String pool(CognitoIdentityProviderClient cognito) {
        Optional<String> existing = cognito.listUserPools(l -> l.maxResults(60)).userPools().stream()
                .filter(p -> POOL_NAME.equals(p.name())).map(UserPoolDescriptionType::id).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        // Sign-in by e-mail address, codes sent to it; Cognito's default password policy.
        String id = cognito.createUserPool(p -> p.poolName(POOL_NAME)
                .usernameAttributesWithStrings("email")
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .policies(policies -> policies.passwordPolicy(pw -> pw.minimumLength(8).requireUppercase(true)
                        .requireLowercase(true).requireNumbers(true).requireSymbols(true))))
                .userPool().id();
        LOG.infof("Created user pool %s (%s)", POOL_NAME, id);
        return id;
    }

    private static String appClient(CognitoIdentityProviderClient cognito, String poolId, String name) {
        Optional<String> existing = cognito.listUserPoolClients(l -> l.userPoolId(poolId).maxResults(60))
                .userPoolClients().stream().filter(c -> name.equals(c.clientName()))
                .map(UserPoolClientDescription::clientId).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        // No secret (a public client, as a browser or phone app is); Cognito's default token lifetimes;
        // refresh tokens revocable.
        String id = cognito.createUserPoolClient(c -> c.userPoolId(poolId).clientName(name).generateSecret(false)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .enableTokenRevocation(true)
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED)
                .accessTokenValidity(60).idTokenValidity(60).refreshTokenValidity(30)
                .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES).idToken(TimeUnitsType.MINUTES)
                        .refreshToken(TimeUnitsType.DAYS)))
                .userPoolClient().clientId();
        LOG.infof("Created app client %s (%s) in user pool %s", name, id, poolId);
        return id;
    }

    private static void adminGroup(CognitoIdentityProviderClient cognito, String poolId) {
        // ListGroups rather than GetGroup: cognito-local 5.3.0 fails GetGroup with a 500 in a pool without groups.
        if (cognito.listGroups(l -> l.userPoolId(poolId)).groups().stream().noneMatch(g -> ADMIN_GROUP.equals(g.groupName()))) {
            cognito.createGroup(g -> g.userPoolId(poolId).groupName(ADMIN_GROUP)
                    .description("Operators: may call /admin/* (e.g. replay the dead-letter queue)"));
        }
    }
}
