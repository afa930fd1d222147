package io.shortfall.kit.security;

/** The realm roles of docs/API.md. */
public final class Roles {
    public static final String BORROWER = "borrower";
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
