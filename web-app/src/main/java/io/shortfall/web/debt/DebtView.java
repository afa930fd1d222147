package io.shortfall.web.debt;

import io.shortfall.client.debt.model.DebtCaseView;
import io.shortfall.client.debt.model.Line;
import io.shortfall.client.debt.model.OfferView;

import java.math.BigDecimal;
import java.util.List;

/** What a debtor's case page needs beyond the case itself: the offers they may accept and the payment to propose. */
public final class DebtView {


    private final DebtCaseView debt;

    public DebtView(DebtCaseView debt) {
        this.debt = debt;
    }

    /** Offers made to the debtor (by the ladder or an agent) that are still open. */
    public List<OfferView> openOffers() {
        return offers("OPEN", false);
    }

    /** The open offers an agent made (the debtor may decline them, or answer with a plan of their own). */
    public List<OfferView> agentOffers() {
        return openOffers().stream().filter(o -> "AGENT".equals(o.getBy())).toList();
    }

    /** The debtor's own proposals still waiting for an agent's answer. */
    public List<OfferView> waitingProposals() {
        return offers("OPEN", true);
    }

    /** While no plan runs, the offers in {@code status}: the debtor's own, or those made to them. */
    private List<OfferView> offers(String status, boolean debtors) {
        if (debt.getOffers() == null || debt.getPlan() != null) {
            return List.of();
        }
        return debt.getOffers().stream()
                .filter(o -> status.equals(o.getStatus()) && "DEBTOR".equals(o.getBy()) == debtors)
                .toList();
    }

    /** The debtor's own proposals an agent declined, each with the reason they gave. */
    public List<OfferView> declinedProposals() {
        return offers("REJECTED", true);
    }

    /** The plan's first installment not yet paid in full, what is left of it; without a plan, all that is owed. */
    public BigDecimal nextPayment() {
        if (debt.getPlan() != null && debt.getPlan().getInstallments() != null) {
            for (Line line : debt.getPlan().getInstallments()) {
                BigDecimal paid = line.getPaid() == null ? BigDecimal.ZERO : line.getPaid();
                BigDecimal left = line.getAmount().subtract(paid);
                if (left.signum() > 0) {
                    return left;
                }
            }
        }
        BigDecimal outstanding = debt.getOutstanding();
        return outstanding != null && outstanding.signum() > 0 ? outstanding : null;
    }

    public boolean owes() {
        return debt.getOutstanding() != null && debt.getOutstanding().signum() > 0;
    }

    /** Whether a pledge secures the case now (offered, accepted, or being sold), as debt-collection-service says. */
    public boolean securedByAPledge() {
        return debt.getPledges() != null && debt.getPledges().stream().anyMatch(p -> Boolean.TRUE.equals(p.getLive()));
    }

    /** Whether the case takes a pledge offered now, as debt-collection-service says (it gives any other back). */
    public boolean mayPledge() {
        return Boolean.TRUE.equals(debt.getPledgeable());
    }

}
