package io.shortfall.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Who is calling: the bearer token's subject, roles and contact claims. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The token's subject: a borrower's id everywhere in Shortfall. */
    public String id() {
        return token.getSubject();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** Agents, supervisors and operators see every borrower's resources; a borrower only their own. */
    public boolean isStaff() {
        return is(Roles.AGENT) || is(Roles.SUPERVISOR) || is(Roles.OPERATOR);
    }

    /** May the caller see a resource of {@code ownerId}? Borrowers see only their own. */
    public boolean maySee(String ownerId) {
        return isStaff() || id().equals(ownerId);
    }

    public Optional<String> email() {
        return claim("email");
    }

    public String name() {
        return claim("name").or(() -> claim("preferred_username")).orElse(id());
    }

    public String locale() {
        return claim("locale").orElse("en");
    }

    public String timeZone() {
        return claim("zoneinfo").orElse("UTC");
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString()).filter(s -> !s.isBlank());
    }
}
