package api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.RestRegistry;

/**
 * What the REST DSL serves in this profile (e.g. {@code POST /dev/token} only in dev and test), read from
 * Camel's REST registry, so answers follow the routes actually loaded.
 */
@ApplicationScoped
public class RestPaths {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^/}]+}");

    private final CamelContext camel;

    public RestPaths(CamelContext camel) {
        this.camel = camel;
    }

    /** Whether {@code method} on {@code path} (a template as written in the REST DSL) is served. */
    public boolean serves(String method, String path) {
        return camel.getRestRegistry().listAllRestServices().stream()
                .anyMatch(s -> s.getMethod().equalsIgnoreCase(method) && template(s).equals(path));
    }

    /** Whether some method is served on this request path ({@code /v1/jobs/01J...} matches {@code /v1/jobs/{jobId}}). */
    public boolean servesAnyMethod(String requestPath) {
        return camel.getRestRegistry().listAllRestServices().stream().anyMatch(s -> matches(template(s), requestPath));
    }

    private static String template(RestRegistry.RestService service) {
        String path = Objects.toString(service.getBasePath(), "") + "/" + Objects.toString(service.getUriTemplate(), "");
        String joined = path.replaceAll("/{2,}", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static boolean matches(String template, String requestPath) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        Matcher parameters = PARAMETER.matcher(template);
        while (parameters.find()) {
            regex.append(Pattern.quote(template.substring(at, parameters.start()))).append("[^/]+");
            at = parameters.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return requestPath.matches(regex.toString());
    }
}
