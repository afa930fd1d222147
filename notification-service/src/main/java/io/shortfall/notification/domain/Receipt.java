package io.shortfall.notification.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of a liquidation receipt, laid out so the borrower can redo it (docs/DOMAIN.md, "Liquidation"):
 * <pre>
 *   each fill: quantity × price = value (exact)          slippage = (reference − price) / reference
 *   fetched  = Σ values;  proceeds = fetched rounded down to the cent
 *   gross    = proceeds + floor credit (best execution)
 *   debt covered = min(gross, debt);  fee comes only out of gross − debt covered
 *   surplus  = gross − debt covered − fee;  shortfall = debt − debt covered
 * </pre>
 * {@link #mismatches()} names every line that does not add up: a receipt that does not is never sent.
 */
public record Receipt(List<FillLine> fills, BigDecimal fetched, BigDecimal proceeds, BigDecimal floorCredit,
                      BigDecimal gross, BigDecimal debt, BigDecimal debtCovered, BigDecimal fee, BigDecimal surplus,
                      BigDecimal shortfall) {

    public static final int USDT_SCALE = 2;

    /** One fill as sold: {@code value = quantity × price} exactly; slippage as a percentage. */
    public record FillLine(Instant at, BigDecimal quantity, BigDecimal price, BigDecimal referencePrice,
                           BigDecimal value, String slippagePercent) {
    }

    /** A fill as the event reports it. */
    public record Fill(Instant at, BigDecimal quantity, BigDecimal price, BigDecimal referencePrice) {
    }

    public static Receipt of(List<Fill> fills, BigDecimal proceeds, BigDecimal floorCredit, BigDecimal gross,
                             BigDecimal debt, BigDecimal debtCovered, BigDecimal fee, BigDecimal surplus,
                             BigDecimal shortfall) {
        List<FillLine> lines = fills.stream().map(Receipt::line).toList();
        BigDecimal fetched = lines.stream().map(FillLine::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Receipt(lines, fetched, proceeds, floorCredit, gross, debt, debtCovered, fee, surplus, shortfall);
    }

    private static FillLine line(Fill fill) {
        BigDecimal value = fill.quantity().multiply(fill.price());
        String slippage = fill.referencePrice() == null || fill.referencePrice().signum() == 0 ? null
                : Percent.of(fill.referencePrice().subtract(fill.price())
                .divide(fill.referencePrice(), MathContext.DECIMAL128));
        return new FillLine(fill.at(), fill.quantity(), fill.price(), fill.referencePrice(), value, slippage);
    }

    /** The fetched value as the borrower would write it: exact, with at least the 2 decimals of USDT. */
    public String fetchedText() {
        return exact(fetched);
    }

    /** An exact amount with trailing zeros dropped, but never fewer than 2 decimals. */
    public static String exact(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < USDT_SCALE ? stripped.setScale(USDT_SCALE) : stripped).toPlainString();
    }

    private List<String> partialMismatches() {
        List<String> wrong = new ArrayList<>();
        if (!fills.isEmpty() && proceeds.compareTo(fetched.setScale(USDT_SCALE, RoundingMode.DOWN)) != 0) {
            wrong.add("proceeds " + proceeds + " are not the fills' " + fetchedText() + " rounded down to the cent");
        }
        if (gross.compareTo(proceeds.add(floorCredit)) != 0) {
            wrong.add("gross " + gross + " != proceeds " + proceeds + " + floor credit " + floorCredit);
        }
        if (debtCovered.compareTo(gross.min(debt)) != 0) {
            wrong.add("debt covered " + debtCovered + " != min(gross " + gross + ", debt " + debt + ")");
        }
        if (gross.compareTo(debtCovered.add(fee).add(surplus)) != 0) {
            wrong.add("gross " + gross + " != debt covered " + debtCovered + " + fee " + fee + " + surplus " + surplus);
        }
        if (surplus.signum() != 0 || shortfall.signum() != 0) {
            wrong.add("a partial liquidation leaves neither a surplus nor a shortfall (surplus " + surplus
                    + ", shortfall " + shortfall + ")");
        }
        if (fee.signum() < 0) {
            wrong.add("fee cannot be negative");
        }
        return wrong;
    }

    /** What a partial liquidation left owed on the loan: debt − debt covered. */
    public BigDecimal remaining() {
        return debt.subtract(debtCovered);
    }

    public boolean hasShortfall() {
        return shortfall.signum() > 0;
    }

    public boolean hasSurplus() {
        return surplus.signum() > 0;
    }

    /** Every identity of a FULL liquidation's receipt that does not hold, in words; empty when it adds up. */
    public List<String> mismatches() {
        return mismatches(false);
    }

    /**
     * Every identity of the receipt that does not hold, in words; empty when it adds up to the cent. A
     * {@code partial} liquidation sells just enough to bring the LTV back: the debt it did not cover stays on the
     * loan, which remains open ({@link #remaining()}), so it has neither a shortfall nor a surplus.
     */
    public List<String> mismatches(boolean partial) {
        if (partial) {
            return partialMismatches();
        }
        List<String> wrong = new ArrayList<>();
        if (!fills.isEmpty() && proceeds.compareTo(fetched.setScale(USDT_SCALE, RoundingMode.DOWN)) != 0) {
            wrong.add("proceeds " + proceeds + " are not the fills' " + fetchedText() + " rounded down to the cent");
        }
        if (gross.compareTo(proceeds.add(floorCredit)) != 0) {
            wrong.add("gross " + gross + " != proceeds " + proceeds + " + floor credit " + floorCredit);
        }
        if (debtCovered.compareTo(gross.min(debt)) != 0) {
            wrong.add("debt covered " + debtCovered + " != min(gross " + gross + ", debt " + debt + ")");
        }
        if (gross.compareTo(debtCovered.add(fee).add(surplus)) != 0) {
            wrong.add("gross " + gross + " != debt covered " + debtCovered + " + fee " + fee + " + surplus " + surplus);
        }
        if (debt.compareTo(debtCovered.add(shortfall)) != 0) {
            wrong.add("debt " + debt + " != debt covered " + debtCovered + " + shortfall " + shortfall);
        }
        if (fee.signum() < 0 || surplus.signum() < 0 || shortfall.signum() < 0) {
            wrong.add("fee, surplus and shortfall cannot be negative");
        }
        return wrong;
    }
}
