package flow;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged jar, started as it is shipped. */
@QuarkusIntegrationTest
class ProductionJarIT extends ProductionProfileTest {
}
