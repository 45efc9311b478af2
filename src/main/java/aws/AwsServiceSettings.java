package aws;

import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * One AWS service's client settings, read from the Camel component's own keys
 * ({@code camel.component.aws2-s3.region}, {@code ...uri-endpoint-override}, ...), named as in the
 * Camel Kamelets, or from the same keys under our own prefix for a service Camel has no component for
 * ({@code app.cognito.*}). The endpoint override applies only with {@code override-endpoint=true}, as in Camel.
 */
public record AwsServiceSettings(Region region, Optional<URI> endpointOverride, boolean forcePathStyle,
        AwsCredentialsProvider credentials) {

    /** The settings of a Camel AWS component, e.g. {@code aws2-s3}. */
    public static AwsServiceSettings read(Config config, String component) {
        return under(config, "camel.component." + component + ".");
    }

    /** The settings under a prefix ending in a dot, e.g. {@code app.cognito.}. */
    public static AwsServiceSettings under(Config config, String prefix) {
        Region region = Region.of(config.getValue(prefix + "region", String.class));
        boolean override = config.getOptionalValue(prefix + "override-endpoint", Boolean.class).orElse(false);
        Optional<URI> endpoint = override
                ? Optional.of(URI.create(config.getValue(prefix + "uri-endpoint-override", String.class)))
                : Optional.empty();
        boolean pathStyle = config.getOptionalValue(prefix + "force-path-style", Boolean.class).orElse(false);
        boolean useDefault = config.getOptionalValue(prefix + "use-default-credentials-provider", Boolean.class)
                .orElse(false);
        Optional<String> accessKey = config.getOptionalValue(prefix + "access-key", String.class);
        AwsCredentialsProvider credentials = useDefault || accessKey.isEmpty()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(),
                        config.getValue(prefix + "secret-key", String.class)));
        return new AwsServiceSettings(region, endpoint, pathStyle, credentials);
    }

    /** Whether the endpoint is plain HTTP: an override such as the local servers', never AWS's own endpoints. */
    public boolean plainHttp() {
        return endpointOverride.map(uri -> "http".equalsIgnoreCase(uri.getScheme())).orElse(false);
    }
}
