package io.shortfall.infra.suite;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteConfigTest {

    @Test
    void theServicesLeftOutAreNamedByModuleAndAnUnknownNameIsRefused() {
        assertTrue(SuiteConfig.without(null).isEmpty());
        assertTrue(SuiteConfig.without(" ").isEmpty());
        assertEquals(List.of("loan-service", "notification-service"),
                List.copyOf(SuiteConfig.without("loan-service, notification-service,")));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SuiteConfig.without("loan"));
        assertTrue(unknown.getMessage().startsWith("SHORTFALL_WITHOUT names loan, not a service; known: ["),
                unknown.getMessage());
        assertTrue(unknown.getMessage().contains("loan-service") && unknown.getMessage().contains("web-app"));
        assertEquals(List.of("web-app"), List.copyOf(SuiteConfig.without("web-app")));
        assertEquals(Set.of(), SuiteConfig.without(","));
    }
}
