package flow;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import testing.LocalAwsTestResource;
import testing.ServiceProcess;

/**
 * The packaged service, as shipped (prod profile), refuses to start unless exactly one token rule is
 * configured. Its local servers run, so nothing else can be what stops it.
 */
class TokenRuleRequiredIT {

    private static LocalAwsTestResource.Environment environment;

    @BeforeAll
    static void servers() {
        environment = LocalAwsTestResource.Environment.start(30);
    }

    @AfterAll
    static void stop() {
        environment.servers().close();
    }

    @Test
    void withoutAClientIdOrAnAudienceTheServiceDoesNotStart() throws Exception {
        assertRefused(Map.of(), "No token rule is configured");
    }

    @Test
    void withBothAClientIdAndAnAudienceTheServiceDoesNotStart() throws Exception {
        String client = environment.config().get("app.cognito.client-id");
        assertRefused(Map.of("app.auth.client-ids", client, "app.auth.audiences", client), "Both app.auth.client-ids");
    }

    private static void assertRefused(Map<String, String> rules, String reason) throws Exception {
        Map<String, String> config = new HashMap<>(environment.config());
        for (String component : new String[] {"aws2-s3", "aws2-sqs", "aws2-ddb"}) {
            config.put("camel.component." + component + ".use-default-credentials-provider", "false");
        }
        config.putAll(rules);
        Path log = Files.createDirectories(Path.of("target/token-rule-it")).resolve("service-" + System.nanoTime() + ".log");
        int exit = ServiceProcess.exitCode(config, LocalAwsTestResource.freePort(), log, Duration.ofSeconds(120));
        assertNotEquals(0, exit);
        String output = Files.readString(log);
        assertTrue(output.contains(reason), "the log says why: " + reason + "\n" + output);
    }
}
