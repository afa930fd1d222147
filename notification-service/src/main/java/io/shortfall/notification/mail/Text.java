package io.shortfall.notification.mail;

import java.math.BigDecimal;

/** How amounts are written in notices: exactly as the event carries them. */
final class Text {

    static String plain(BigDecimal amount) {
        return amount == null ? "?" : amount.toPlainString();
    }

    private Text() {
    }
}
