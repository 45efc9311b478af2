package api;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The errors raised before a request reaches a route (no or bad token, unknown path, wrong method or
 * media type, a body over {@code quarkus.http.limits.max-body-size}) as problem+json too, so clients
 * parse one error shape everywhere.
 */
@ApplicationScoped
public class FrameworkProblems {

    /**
     * The paths of the {@code quarkus.http.auth.permission.*} sets that need a bearer token: /v1, /admin and
     * the compatibility routes' (whether those are loaded or not).
     */
    private static final String BEARER_PATHS =
            "/(v1|admin)/.*|/(uploads/presign|process|jobs|jobs/.*|request-upload|get-results)";

    private final RestPaths rest;
    private final long maxBodyBytes;
    /** The /v1 paths anyone may call (signing up and in), as the HTTP permissions list them. */
    private final Set<String> publicPaths;

    public FrameworkProblems(RestPaths rest,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "quarkus.http.auth.permission.accounts.paths") Set<String> publicPaths) {
        this.rest = rest;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.publicPaths = publicPaths;
    }

    void install(@Observes Router router) {
        // A body declared larger than the limit: Quarkus would answer a bare 413 (a body sent without a
        // length is cut off by the body handler, whose 413 reaches the failure handler below).
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (declaredLength(ctx) > maxBodyBytes) {
                // the body is not read, so the connection cannot carry another request
                ctx.response().putHeader("Connection", "close").endHandler(done -> ctx.request().connection().close());
                respond(ctx, 413);
            } else {
                ctx.next();
            }
        });
        // A request without any bearer token never fails a route: Quarkus answers it with a bare challenge.
        router.routeWithRegex(BEARER_PATHS).order(Integer.MIN_VALUE).handler(ctx -> {
            String authorization = ctx.request().getHeader("Authorization");
            boolean preflight = ctx.request().method() == HttpMethod.OPTIONS;
            if (!preflight && !publicPaths.contains(ctx.normalizedPath())
                    && (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7))) {
                respond(ctx, 401);
            } else {
                ctx.next();
            }
        });
        // Bad tokens, and failures raised while routing.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
        // No route for this media type.
        for (int status : new int[] {406, 415}) {
            router.errorHandler(status, ctx -> respond(ctx, status));
        }
        // No route, or none for this method.
        for (int status : new int[] {404, 405}) {
            router.errorHandler(status, ctx -> respond(ctx, served(ctx.normalizedPath()) ? 405 : 404));
        }
    }

    /**
     * Whether the path exists (for another method than the one asked). Vert.x cannot tell: the page's
     * static files make Quarkus route every path for GET, HEAD and OPTIONS, so a POST to a path that
     * exists nowhere would be a 405, and a GET to a POST-only API path a 404. The API's paths and the
     * page's files are the real ones.
     */
    private boolean served(String path) {
        String file = "META-INF/resources" + (path.endsWith("/") ? path + "index.html" : path);
        return rest.servesAnyMethod(path) || Thread.currentThread().getContextClassLoader().getResource(file) != null;
    }

    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void onFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = failure instanceof AuthenticationException || failure instanceof UnauthorizedException
                ? 401 : failure instanceof ForbiddenException ? 403 : ctx.statusCode();
        respond(ctx, status);
    }

    private void respond(RoutingContext ctx, int status) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        ApiException problem = switch (status) {
            case 401 -> new ApiException(401, "unauthorized",
                    "A valid bearer token is required (Authorization: Bearer <JWT>)");
            case 403 -> new ApiException(403, "forbidden", "This call needs the admin group in the token");
            case 404 -> ApiException.notFound("No resource at " + ctx.request().path());
            case 405 -> new ApiException(405, "method-not-allowed",
                    ctx.request().method() + " is not allowed on " + ctx.request().path());
            case 406 -> new ApiException(406, "not-acceptable", "This resource only produces application/json");
            case 413 -> new ApiException(413, "request-too-large",
                    "The request body is larger than %,d bytes".formatted(maxBodyBytes));
            case 415 -> new ApiException(415, "unsupported-media-type",
                    "Send the request body as application/json");
            default -> null;
        };
        if (problem == null) {
            ctx.next();
            return;
        }
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problems.CONTENT_TYPE)
                .end(Problems.body(problem));
    }
}
