package testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Slow and failing work: a 4 s visibility timeout and lease, renders scripted by {@link ScriptedEngine}
 * (a slow one takes 20 s, five visibility timeouts), and Camel's retries cut short.
 */
public class ScriptedWork implements QuarkusTestProfile {

    public static final int VISIBILITY_SECONDS = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("app.sqs.visibility-timeout-seconds", Integer.toString(VISIBILITY_SECONDS),
                "app.pipeline.lease", "PT" + VISIBILITY_SECONDS + "S",
                "app.test.slow-render", "PT20S",
                "app.pipeline.retry.max-redeliveries", "2", "app.pipeline.retry.initial-delay-ms", "100",
                "quarkus.arc.selected-alternatives", ScriptedEngine.class.getName());
    }
}
