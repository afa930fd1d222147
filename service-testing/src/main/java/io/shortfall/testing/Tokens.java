package io.shortfall.testing;

import io.smallrye.jwt.build.Jwt;

import java.util.List;
import java.util.Map;

/**
 * Real signed bearer tokens for service tests: RS256, signed with the key whose public half the OIDC test
 * server ({@code OidcWiremockTestResource}) publishes, with the claims Keycloak puts in an access token
 * ({@code sub}, {@code preferred_username}, {@code email}, {@code name}, {@code realm_access.roles}) and the
 * audience {@value #AUDIENCE} that the suite's clients put in their tokens and the services require.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    /** The audience the services require ({@code quarkus.oidc.token.audience}). */
    public static final String AUDIENCE = "shortfall";

    /** A token for {@code subject} with {@code roles}; email {@code <subject>@example.com}. */
    public static String of(String subject, String... roles) {
        return claims(subject, roles)
                .audience(AUDIENCE)
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }

    /**
     * Correctly signed by the issuer, for another client: audience {@code audience}, or none if it is null (as
     * a token of Keycloak's own {@code admin-cli}). Must be refused.
     */
    public static String forAudience(String audience, String subject, String... roles) {
        var claims = claims(subject, roles);
        if (audience != null) {
            claims.audience(audience);
        }
        return claims.claim("azp", audience == null ? "admin-cli" : audience).jws().keyId("1").sign("privateKey.jwk");
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .preferredUserName(subject)
                .claim("email", subject + "@example.com")
                .claim("name", Character.toUpperCase(subject.charAt(0)) + subject.substring(1) + " Example")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(3600);
    }

    public static String borrower(String subject) {
        return of(subject, "borrower");
    }

    public static String agent() {
        return of("agent", "agent");
    }

    public static String supervisor() {
        return of("sue", "agent", "supervisor");
    }

    public static String operator() {
        return of("ops", "operator");
    }

    /** Signed by a key the issuer never published: must be refused. */
    public static String forged(String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .claim("realm_access", Map.of("roles", List.of("borrower")))
                .expiresIn(3600).jws().keyId("1")
                .sign(ForgedKey.PRIVATE);
    }

    private static final class ForgedKey {
        static final java.security.PrivateKey PRIVATE;

        static {
            try {
                var generator = java.security.KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                PRIVATE = generator.generateKeyPair().getPrivate();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    private Tokens() {
    }
}
