package infra;

import java.util.Map;
import software.amazon.awscdk.services.iam.FederatedPrincipal;

/**
 * IAM roles for Kubernetes service accounts (IRSA): the principal that lets exactly one service account
 * of the EKS cluster assume a role, through the cluster's OIDC provider. Condition keys as AWS documents
 * them: {@code <issuer>:sub} = {@code system:serviceaccount:<namespace>:<name>}, {@code <issuer>:aud} =
 * {@code sts.amazonaws.com}.
 */
final class WorkloadIdentity {

    private WorkloadIdentity() {
    }

    static FederatedPrincipal serviceAccount(StackSettings settings, String namespace, String name) {
        String issuer = settings.oidcIssuer();
        return new FederatedPrincipal(settings.eksOidcProviderArn(),
                Map.of("StringEquals", Map.of(
                        issuer + ":sub", "system:serviceaccount:" + namespace + ":" + name,
                        issuer + ":aud", "sts.amazonaws.com")),
                "sts:AssumeRoleWithWebIdentity");
    }
}
