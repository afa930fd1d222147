package io.shortfall.web.live;

import io.shortfall.client.loan.model.LoanView;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.MarginEvents.MarginCall;
import io.shortfall.events.MarginEvents.ZoneChanged;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import static io.shortfall.events.EventJson.payload;

/**
 * The part of a loan that moves with the market, as its page shows it live: the zone margin-service decided, the LTV
 * and price it decided at, and (after a margin call) what brings the loan back to its initial LTV.
 *
 * @param addCollateral collateral to add, in the loan's asset; null when there is nothing to fix
 * @param orRepay       or the amount to repay, in {@link #CURRENCY}; null when there is nothing to fix
 */
public record LiveLoan(UUID loanId, String borrowerId, String asset, String zone, BigDecimal ltv, BigDecimal price,
                       BigDecimal addCollateral, BigDecimal orRepay) {

    /** Every amount on the event contract is in USDT. */
    public static final String CURRENCY = "USDT";

    /** As loan-service last knew it, for the page's first render; what fixes it shown in RED, as margin calls do. */
    public static LiveLoan of(LoanView loan) {
        boolean fix = "ACTIVE".equals(loan.getStatus()) && "RED".equals(loan.getZone());
        return new LiveLoan(loan.getId(), loan.getBorrowerId(), loan.getCollateralAsset(), loan.getZone(),
                loan.getLtv(), loan.getPrice(), fix ? loan.getCollateralToInitialLtv() : null,
                fix ? loan.getRepaymentToInitialLtv() : null);
    }

    /** From a margin-service event that changes what a loan's page shows; empty for every other event. */
    public static Optional<LiveLoan> of(EventEnvelope envelope) {
        return envelope.typeIn(MarginEvents.Type.class).flatMap(type -> switch (type) {
            case ZONE_CHANGED -> {
                ZoneChanged z = payload(envelope, ZoneChanged.class);
                yield Optional.of(new LiveLoan(z.loanId(), z.borrowerId(), z.collateralAsset(), z.to(), z.ltv(),
                        z.price(), null, null));
            }
            case MARGIN_CALL -> {
                MarginCall m = payload(envelope, MarginCall.class);
                yield Optional.of(new LiveLoan(m.loanId(), m.borrowerId(), m.collateralAsset(), "RED", m.ltv(),
                        m.price(), m.addCollateral(), m.orRepay()));
            }
            case AUTO_INCREASE_REQUESTED, LIQUIDATION_TRIGGERED, BREAKER_TRIPPED, BREAKER_RESET ->
                    Optional.<LiveLoan>empty();
        });
    }

    /** The name of the server-sent event that carries this loan's changes. */
    public String eventName() {
        return "loan-" + loanId;
    }

    public boolean hasFix() {
        return addCollateral != null && orRepay != null;
    }

    public String currency() {
        return CURRENCY;
    }
}
