package io.shortfall.web.agent;

import io.quarkus.qute.TemplateExtension;
import io.shortfall.client.debt.model.DebtCaseView;
import io.shortfall.client.debt.model.QueueItem;
import io.shortfall.web.pages.Formats;

/**
 * How the agents' pages name a case's debtor: by the name their identity provider gives, once debt-collection-service
 * knows it, else by the first characters of their id.
 */
@TemplateExtension
final class DebtorNames {

    static String debtor(QueueItem item) {
        return shown(item.getDebtorName(), item.getDebtorId());
    }

    static String debtor(DebtCaseView debt) {
        return shown(debt.getDebtorName(), debt.getDebtorId());
    }

    static String shown(String name, String id) {
        return name != null && !name.isBlank() ? name : Formats.shortId(id);
    }

    private DebtorNames() {
    }
}
