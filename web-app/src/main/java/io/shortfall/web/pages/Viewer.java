package io.shortfall.web.pages;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in person as the pages show them: a name and what their roles let them do ({@code inject:viewer}). */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        if (!signedIn()) {
            return "";
        }
        String name = idToken.getClaim("name");
        return name != null ? name : identity.getPrincipal().getName();
    }

    /** The token's subject: the borrower id the services know this person by. */
    public String subject() {
        return idToken.getSubject();
    }

    public boolean borrower() {
        return identity.hasRole("borrower");
    }

    public boolean agent() {
        return identity.hasRole("agent");
    }

    public boolean supervisor() {
        return identity.hasRole("supervisor");
    }

    public boolean operator() {
        return identity.hasRole("operator");
    }
}
