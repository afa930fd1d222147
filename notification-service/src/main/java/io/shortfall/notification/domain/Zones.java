package io.shortfall.notification.domain;

/**
 * The margin zones from best to worst (GREEN, ORANGE, RED; docs/DOMAIN.md "Zones"). A change to a better zone is a
 * recovery: the borrower is told so, never warned again as if the loan were getting worse.
 */
public final class Zones {

    /** GREEN 0, ORANGE 1, RED 2; -1 for a zone not known here (or none). */
    public static int rank(String zone) {
        if (zone == null) {
            return -1;
        }
        return switch (zone) {
            case "GREEN" -> 0;
            case "ORANGE" -> 1;
            case "RED" -> 2;
            default -> -1;
        };
    }

    /** Whether a change from {@code from} to {@code to} is to a better zone (RED to ORANGE or GREEN, ORANGE to GREEN). */
    public static boolean isRecovery(String from, String to) {
        return rank(from) >= 0 && rank(to) >= 0 && rank(to) < rank(from);
    }

    private Zones() {
    }
}
