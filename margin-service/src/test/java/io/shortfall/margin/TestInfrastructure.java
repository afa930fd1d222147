package io.shortfall.margin;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.shortfall.infra.testing.InfraTestResource;

/** Every test of this module runs against a real PostgreSQL, a real Kafka broker and a real OIDC issuer. */
@WithTestResource(value = InfraTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "margin"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
