package infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app ({@code cdk synth}, {@code cdk deploy} from {@code infra/}). Settings come from context,
 * e.g. {@code cdk deploy -c eksOidcProviderArn=arn:aws:iam::123456789012:oidc-provider/oidc.eks...};
 * account and region from the CLI's profile ({@code CDK_DEFAULT_ACCOUNT}, {@code CDK_DEFAULT_REGION}).
 */
public final class ImagePipelineApp {

    private ImagePipelineApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        StackSettings settings = StackSettings.fromContext(key -> app.getNode().tryGetContext(key));
        new ImagePipelineStack(app, "ImagePipeline", StackProps.builder()
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(System.getenv("CDK_DEFAULT_REGION"))
                        .build())
                .description("Image pipeline: bucket, queues, jobs table, IAM roles, alarms")
                .build(), settings);
        app.synth();
    }
}
