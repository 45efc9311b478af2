package testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Upload URLs, their grace and Camel's retries cut to seconds, for tests that wait for them to run out. */
public class ShortTimers implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("app.uploads.url-ttl", "PT2S", "app.uploads.expiry-grace", "PT2S",
                "app.pipeline.retry.max-redeliveries", "2", "app.pipeline.retry.initial-delay-ms", "100");
    }
}
