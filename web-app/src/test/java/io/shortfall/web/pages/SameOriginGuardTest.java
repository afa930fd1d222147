package io.shortfall.web.pages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SameOriginGuardTest {

    @Test
    void fetchMetadataDecidesWhenTheBrowserSendsIt() {
        assertThat(SameOriginGuard.sameOrigin("same-origin", null, "app.example")).isTrue();
        assertThat(SameOriginGuard.sameOrigin("none", null, "app.example")).isTrue();        // typed in, a bookmark
        assertThat(SameOriginGuard.sameOrigin("cross-site", "https://app.example", "app.example")).isFalse();
        assertThat(SameOriginGuard.sameOrigin("same-site", "https://app.example", "app.example")).isFalse();
    }

    @Test
    void otherwiseTheOriginMustBeTheHostAskedFor() {
        assertThat(SameOriginGuard.sameOrigin(null, "http://localhost:8080", "localhost:8080")).isTrue();
        assertThat(SameOriginGuard.sameOrigin(null, "http://localhost:8080", "LOCALHOST:8080")).isTrue();
        assertThat(SameOriginGuard.sameOrigin(null, "https://attacker.example", "localhost:8080")).isFalse();
        assertThat(SameOriginGuard.sameOrigin(null, "http://localhost:9999", "localhost:8080")).isFalse();
        assertThat(SameOriginGuard.sameOrigin(null, "null", "localhost:8080")).isFalse();    // a sandboxed frame
        assertThat(SameOriginGuard.sameOrigin(null, "::not a uri::", "localhost:8080")).isFalse();
    }

    @Test
    void aRequestThatSaysNeitherIsRefused() {
        assertThat(SameOriginGuard.sameOrigin(null, null, "localhost:8080")).isFalse();
    }
}
