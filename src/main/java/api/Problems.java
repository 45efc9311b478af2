package api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.Map;
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
        exchange.getMessage().setBody(body(problem));
    }

    /** The RFC 9457 document for a problem. */
    public static String body(ApiException problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://image-pipeline.dev/problems/" + problem.code());
        body.put("title", title(problem.status()));
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.put("code", problem.code());
        return Json.write(body);
    }

    private static ApiException internal(Throwable failure) {
        LOG.error("Request failed", failure);
        return new ApiException(500, "internal", "The request could not be completed; try again later");
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            default -> "Internal Server Error";
        };
    }
}
