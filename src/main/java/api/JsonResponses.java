package api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import support.Json;

/** Writes a response body as JSON with the service's one mapper (ISO-8601 timestamps). */
@ApplicationScoped
@Named("json")
public class JsonResponses {

    public String write(Object body) {
        return Json.write(body);
    }
}
