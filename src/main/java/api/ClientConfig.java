package api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pipeline.Presets;

/**
 * {@code GET /client-config} (every profile, no token): what a client needs before it signs in. The web
 * page shows the developer sign-in only where {@code POST /dev/token} is served (dev and test) and the
 * account forms only where {@code POST /v1/auth/signin} is, so the answer follows the routes actually
 * loaded rather than a second setting that could disagree with them.
 */
@ApplicationScoped
@Named("clientConfig")
public class ClientConfig {

    /** The document served. */
    public record Document(SignIn signIn, Uploads uploads) {
    }

    /**
     * @param developer whether {@code POST /dev/token} exists (dev and test profiles only)
     * @param accounts  whether the account endpoints ({@code /v1/auth/*}) exist
     */
    public record SignIn(boolean developer, boolean accounts) {
    }

    /**
     * @param contentTypes  the types {@code POST /v1/uploads} accepts
     * @param maxBytes      the largest file accepted, in bytes
     * @param presets       the variant sets a client may name
     * @param defaultPreset the set used when none is named
     */
    public record Uploads(List<String> contentTypes, long maxBytes, List<String> presets, String defaultPreset) {
    }

    private final RestPaths rest;
    private final Presets presets;
    private final List<String> contentTypes;
    private final long maxBytes;

    public ClientConfig(RestPaths rest, Presets presets,
            @ConfigProperty(name = "app.uploads.allowed-content-types") List<String> contentTypes,
            @ConfigProperty(name = "app.limits.max-bytes") long maxBytes) {
        this.rest = rest;
        this.presets = presets;
        this.contentTypes = List.copyOf(contentTypes);
        this.maxBytes = maxBytes;
    }

    public Document document() {
        return new Document(new SignIn(rest.serves("POST", "/dev/token"), rest.serves("POST", "/v1/auth/signin")),
                new Uploads(contentTypes, maxBytes,
                        StreamSupport.stream(presets.names().spliterator(), false).toList(), presets.defaultName()));
    }
}
