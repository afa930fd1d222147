package io.shortfall.web.borrower;

import io.shortfall.events.MoneyJson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What a loan would look like at the current price, before it is asked for: its LTV (principal over the collateral's
 * value) and the zone that LTV falls in. The service decides; this only tells the borrower what to expect.
 *
 * @param ltv     principal / (collateral × price), to 4 decimal places (rounded up: never shown safer than it is)
 * @param zone    GREEN below the warning LTV, ORANGE from it, RED from the margin-call LTV
 * @param allowed at most the initial LTV, the most a loan may be opened at
 */
public record LtvPreview(BigDecimal ltv, String zone, boolean allowed) {

    /** Empty when an input is missing, not a positive number, or the price is unknown. */
    public static Optional<LtvPreview> of(String collateralAmount, String principal, BigDecimal price,
                                          BigDecimal initial, BigDecimal warning, BigDecimal marginCall) {
        Optional<BigDecimal> collateral = positive(collateralAmount);
        Optional<BigDecimal> borrowed = positive(principal);
        if (collateral.isEmpty() || borrowed.isEmpty() || price == null || price.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal value = collateral.get().multiply(price);
        BigDecimal debt = borrowed.get();
        // The zone and the limit from the exact ratio (debt against threshold × value), not from the rounded one.
        String zone = reaches(debt, marginCall, value) ? "RED" : reaches(debt, warning, value) ? "ORANGE" : "GREEN";
        boolean allowed = debt.compareTo(initial.multiply(value)) <= 0;
        return Optional.of(new LtvPreview(debt.divide(value, 4, RoundingMode.CEILING), zone, allowed));
    }

    private static boolean reaches(BigDecimal debt, BigDecimal threshold, BigDecimal value) {
        return debt.compareTo(threshold.multiply(value)) >= 0;
    }

    /** A positive plain decimal as the contract reads amounts (no exponent, bounded digits); empty otherwise. */
    static Optional<BigDecimal> positive(String text) {
        return MoneyJson.plainDecimal(text).filter(n -> n.signum() > 0);
    }
}
