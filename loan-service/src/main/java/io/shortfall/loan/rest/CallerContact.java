package io.shortfall.loan.rest;

import io.shortfall.kit.security.Caller;
import io.shortfall.loan.service.BorrowerContacts;

/** The caller's contact details, from their token's claims. */
final class CallerContact {

    static BorrowerContacts.Contact of(Caller caller) {
        return new BorrowerContacts.Contact(caller.id(), caller.email().orElse(null), caller.name(), caller.locale(),
                caller.timeZone());
    }

    private CallerContact() {
    }
}
