package io.shortfall.web.pages;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page an action's address belongs to. After signing in again, the browser comes back to the address it was
 * at, as a GET: for a form's action (paying, approving...) that is the page the form was on, not a "method not
 * allowed".
 */
final class PageOfAction {

    private record Rule(Pattern action, String page) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("/loans/preview"), "/loans/new"),
            new Rule(Pattern.compile("(/loans/[^/]+)/.+"), "$1"),
            new Rule(Pattern.compile("(/debts/[^/]+)/.+"), "$1"),
            new Rule(Pattern.compile("(/agent/cases/[^/]+)/.+"), "$1"),
            new Rule(Pattern.compile("/approvals/.+"), "/approvals"),
            new Rule(Pattern.compile("/notifications/.+"), "/notifications"),
            new Rule(Pattern.compile("(/ops/(?:liquidations|emails))/.+"), "$1"),
            new Rule(Pattern.compile("/ops/.+"), "/ops"));

    private PageOfAction() {
    }

    static Optional<String> of(String path) {
        for (Rule rule : RULES) {
            Matcher m = rule.action().matcher(path);
            if (m.matches()) {
                return Optional.of(m.replaceFirst(rule.page()));
            }
        }
        return Optional.empty();
    }
}
