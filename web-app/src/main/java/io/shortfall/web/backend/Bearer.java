package io.shortfall.web.backend;

import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * The signed-in person's access token as the header a service call carries. The token stays in this process (the
 * browser holds only the encrypted session cookie); the services check it as they check any client's.
 */
@RequestScoped
public class Bearer {

    @Inject
    AccessTokenCredential accessToken;

    public Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + accessToken.getToken());
    }
}
