package io.shortfall.liquidation.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * How a sale is cut into slices: equal quantities rounded down to the asset's scale, the remainder on the
 * last slice, so the slices sum exactly to the whole. Never a zero slice: a quantity of fewer smallest
 * units than slices is cut into fewer slices.
 */
public final class Slices {

    /**
     * @param total the quantity to sell, positive
     * @param count the most slices wanted, at least 1
     * @param scale the asset's decimals; {@code total} must not have more
     */
    public static List<BigDecimal> of(BigDecimal total, int count, int scale) {
        if (total.signum() <= 0) {
            throw new IllegalArgumentException("nothing to slice: " + total);
        }
        if (count < 1) {
            throw new IllegalArgumentException("at least one slice, not " + count);
        }
        BigInteger units = total.setScale(scale).unscaledValue();
        BigInteger slices = units.min(BigInteger.valueOf(count));
        BigInteger each = units.divide(slices);
        List<BigDecimal> result = new ArrayList<>();
        for (int n = 1; n < slices.intValueExact(); n++) {
            result.add(new BigDecimal(each, scale));
        }
        result.add(new BigDecimal(units.subtract(each.multiply(slices.subtract(BigInteger.ONE))), scale));
        return List.copyOf(result);
    }

    private Slices() {
    }
}
