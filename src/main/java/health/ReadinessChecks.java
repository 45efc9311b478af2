package health;

import health.DependencyProbes.Dependency;
import health.DependencyProbes.Result;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness ({@code /q/health/ready}): DOWN while the Camel context or the SQS consumer route is not
 * started (starting, or stopping at shutdown), or while S3, SQS or DynamoDB does not answer (from
 * {@link DependencyProbes}: cached, never a call per probe). Liveness stays Quarkus's own: a pod whose
 * dependencies are down is not restarted, only taken out of service.
 */
@ApplicationScoped
public class ReadinessChecks {

    /** The route that takes messages from the ingest queue (routes/pipeline.yaml). */
    static final String CONSUMER_ROUTE = "ingest-s3-events";

    @Produces
    @Readiness
    HealthCheck camel(CamelContext camel) {
        return () -> {
            ServiceStatus context = camel.getStatus();
            ServiceStatus consumer = camel.getRouteController().getRouteStatus(CONSUMER_ROUTE);
            return HealthCheckResponse.named("camel")
                    .status(context.isStarted() && consumer != null && consumer.isStarted())
                    .withData("context", context.name())
                    .withData(CONSUMER_ROUTE, consumer == null ? "absent" : consumer.name())
                    .build();
        };
    }

    @Produces
    @Readiness
    HealthCheck s3(DependencyProbes probes) {
        return () -> response(probes, Dependency.S3);
    }

    @Produces
    @Readiness
    HealthCheck sqs(DependencyProbes probes) {
        return () -> response(probes, Dependency.SQS);
    }

    @Produces
    @Readiness
    HealthCheck dynamodb(DependencyProbes probes) {
        return () -> response(probes, Dependency.DYNAMODB);
    }

    private static HealthCheckResponse response(DependencyProbes probes, Dependency dependency) {
        Result result = probes.result(dependency);
        HealthCheckResponseBuilder response = HealthCheckResponse.named(dependency.id()).status(probes.up(dependency))
                .withData("failuresInARow", result.failuresInARow());
        if (result.checkedAt() != null) {
            response.withData("checkedAt", result.checkedAt().toString());
        }
        if (result.error() != null) {
            response.withData("error", result.error());
        }
        return response.build();
    }
}
