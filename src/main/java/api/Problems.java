package api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;
import support.Json;

/** Turns the exception an API route failed with into an RFC 9457 problem response. */
@ApplicationScoped
@Named("problems")
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);
    public static final String CONTENT_TYPE = "application/problem+json";

    public void respond(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ApiException problem = failure instanceof ApiException api ? api : internal(failure);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, CONTENT_TYPE);
        if (problem instanceof RateLimited limited) {
            exchange.getMessage().setHeader("Retry-After", limited.retryAfterSeconds());
        }
        exchange.getMessage().setBody(body(problem));
    }

    /** The RFC 9457 document for a problem, as JSON. */
    public static String body(ApiException problem) {
        return Json.write(Problem.of(problem));
    }

    private static ApiException internal(Throwable failure) {
        LOG.error("Request failed", failure);
        return new ApiException(500, "internal", "The request could not be completed; try again later");
    }
}
