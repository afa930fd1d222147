package io.shortfall.loan.service;

import io.shortfall.events.Thresholds;
import io.shortfall.loan.config.LoanConfig;
import io.shortfall.loan.domain.LoanMath;
import io.shortfall.kit.rest.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The supported collateral assets and their terms. */
@ApplicationScoped
public class Assets {

    private final LoanConfig config;

    public Assets(LoanConfig config) {
        this.config = config;
    }

    public SortedSet<String> symbols() {
        return new TreeSet<>(config.assets().keySet());
    }

    public Optional<LoanConfig.Asset> find(String symbol) {
        return Optional.ofNullable(symbol).map(config.assets()::get);
    }

    /** The asset, or a 400 naming the field and the supported symbols. */
    public LoanConfig.Asset require(String symbol, String field) {
        return find(symbol).orElseThrow(() -> Problems.invalid(field,
                "unsupported collateral asset " + symbol + "; supported: " + String.join(", ", symbols())));
    }

    /** Decimals of a loan's collateral: its asset's, or what it was stored with if the asset left the configuration. */
    public int scaleOf(io.shortfall.loan.Loan loan) {
        return find(loan.collateralAsset).map(LoanConfig.Asset::scale).orElse(loan.collateralAmount.scale());
    }

    /** A 400 naming {@code field} when {@code amount} has more than {@code scale} decimals. */
    public static void requireScale(String field, BigDecimal amount, int scale) {
        if (amount.stripTrailingZeros().scale() > scale) {
            throw Problems.invalid(field, "at most " + scale + " decimals");
        }
    }

    /** The asset's thresholds exactly as configured: what a loan is fixed with and what events carry. */
    public static Thresholds thresholds(LoanConfig.Asset asset) {
        return new Thresholds(asset.initialLtv(), asset.warningLtv(), asset.marginCallLtv(), asset.liquidationLtv());
    }

    /**
     * Thresholds as docs/API.md shows ratios: fractions with 4 decimals ({@code "0.7500"}). For display only:
     * every comparison uses the exact configured values.
     */
    public static Thresholds shown(BigDecimal initial, BigDecimal warning, BigDecimal marginCall,
                                   BigDecimal liquidation) {
        return new Thresholds(ratio(initial), ratio(warning), ratio(marginCall), ratio(liquidation));
    }

    private static BigDecimal ratio(BigDecimal value) {
        return value.setScale(LoanMath.RATIO_SCALE, RoundingMode.HALF_UP);
    }
}
