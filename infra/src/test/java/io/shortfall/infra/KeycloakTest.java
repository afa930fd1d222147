package io.shortfall.infra;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs only where a JDK 21+ is found for Keycloak (about 60 s the first time, 15 s later). */
class KeycloakTest {

    @Test
    void issuesTokensForTheDemoUsersWithTheirRealmRoles() {
        assumeTrue(Keycloak.findJava().isPresent(), "no JDK 21+ for Keycloak on this machine");
        long pid;
        try (Keycloak kc = Keycloak.start(0)) {
            assertEquals("http://localhost:" + kc.port() + "/realms/shortfall", kc.issuerUrl());

            String alice = claims(kc.token("alice", "alice"));
            assertTrue(alice.matches("(?s).*\"sub\":\"[0-9a-f-]{36}\".*"), alice);
            assertTrue(alice.contains("\"email\":\"alice@example.com\""), alice);
            assertTrue(alice.contains("\"preferred_username\":\"alice\""), alice);
            assertTrue(alice.contains("\"name\":\"Alice Example\""), alice);
            assertTrue(alice.contains("\"iss\":\"" + kc.issuerUrl() + "\""), alice);
            assertTrue(alice.matches("(?s).*\"realm_access\":\\{\"roles\":\\[[^]]*\"borrower\".*"), alice);
            // The audience the services require, put in by the client shortfall-app.
            assertTrue(alice.matches("(?s).*\"aud\":(\"shortfall\"|\\[[^]]*\"shortfall\"[^]]*]).*"), alice);
            assertTrue(alice.contains("\"azp\":\"shortfall-app\""), alice);

            // A fixed host name: asked for at 127.0.0.1, the token names the same issuer.
            String byAddress = claims(kc.tokenAt("http://127.0.0.1:" + kc.port(), Keycloak.CLIENT_ID, "alice", "alice"));
            assertTrue(byAddress.contains("\"iss\":\"" + kc.issuerUrl() + "\""), byAddress);

            // Keycloak's own admin-cli issues tokens for the realm's users too, without the suite's audience:
            // the services refuse them (quarkus.oidc.token.audience).
            String adminCli = claims(kc.token("admin-cli", "alice", "alice"));
            assertTrue(adminCli.contains("\"azp\":\"admin-cli\""), adminCli);
            assertFalse(adminCli.contains("\"shortfall\""), adminCli);

            String sue = claims(kc.token("sue", "sue"));
            assertTrue(sue.matches("(?s).*\"realm_access\":\\{\"roles\":\\[[^]]*\"supervisor\".*"), sue);
            assertTrue(sue.matches("(?s).*\"realm_access\":\\{\"roles\":\\[[^]]*\"agent\".*"), sue);

            assertThrows(IllegalStateException.class, () -> kc.token("alice", "wrong"));
            pid = ProcessHandle.current().pid();
        }
        assertTrue(pid > 0);
        assertFalse(Leftovers.registry().records().stream()
                .anyMatch(r -> r.ownerPid() == ProcessHandle.current().pid() && r.what().startsWith("keycloak")),
                "Keycloak processes stopped and unregistered");
    }

    @Test
    void readsTheMajorVersionOfAJdk() {
        assertTrue(Keycloak.javaVersion(Java.currentHome()).orElseThrow() >= 17);
    }

    private static String claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length);
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }
}
