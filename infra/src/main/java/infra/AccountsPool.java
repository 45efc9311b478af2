package infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.constructs.Construct;

/**
 * The optional Cognito user pool behind {@code /v1/auth/*}: email sign-in with self sign-up and email
 * codes, and one public app client (no secret) the service signs users in as ({@code COGNITO_CLIENT_ID})
 * and whose access tokens it accepts ({@code OIDC_CLIENT_IDS}). The issuer and its JWKS follow from the
 * pool id ({@code COGNITO_USER_POOL_ID}).
 */
public final class AccountsPool extends Construct {

    private final UserPool pool;
    private final UserPoolClient client;

    public AccountsPool(Construct scope, String id, StackSettings settings) {
        super(scope, id);
        pool = UserPool.Builder.create(this, "Pool")
                .userPoolName(settings.prefix() + "-users")
                .selfSignUpEnabled(true)
                .signInAliases(SignInAliases.builder().email(true).build())
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .passwordPolicy(PasswordPolicy.builder().minLength(12).requireLowercase(true)
                        .requireUppercase(true).requireDigits(true).requireSymbols(false).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        client = pool.addClient("App", UserPoolClientOptions.builder()
                .userPoolClientName(settings.prefix() + "-api")
                .authFlows(AuthFlow.builder().userPassword(true).build())
                .generateSecret(false)
                .enableTokenRevocation(true)
                .preventUserExistenceErrors(true)
                .build());
        // Its members may call /admin/* (cognito:groups in their tokens); granted with admin-add-user-to-group.
        CfnUserPoolGroup.Builder.create(this, "Admins").userPoolId(pool.getUserPoolId()).groupName("admin")
                .description("Operators: may call /admin/* (e.g. replay the dead-letter queue)").build();
    }

    public UserPool pool() {
        return pool;
    }

    public UserPoolClient client() {
        return client;
    }
}
