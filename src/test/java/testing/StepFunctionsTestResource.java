package testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the {@link StepFunctionsStandIn} and points the service's Step Functions client at it, through
 * the same {@code app.sfn.*} settings an operator would use for another endpoint; hands it to test fields
 * of its type.
 */
public class StepFunctionsTestResource implements QuarkusTestResourceLifecycleManager {

    private StepFunctionsStandIn standIn;

    @Override
    public Map<String, String> start() {
        standIn = StepFunctionsStandIn.start();
        return Map.of("app.sfn.override-endpoint", "true",
                "app.sfn.uri-endpoint-override", standIn.url(),
                "app.sfn.access-key", LocalAwsTestResource.ACCESS_KEY,
                "app.sfn.secret-key", LocalAwsTestResource.SECRET_KEY);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(standIn, new TestInjector.MatchesType(StepFunctionsStandIn.class));
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }
}
