package io.shortfall.margin.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A price as the engine compares it: its value × 10⁸ in a {@code long}. Every price the service takes has at most
 * 8 decimals and is below {@link #MAX_PRICE}, so the key is exact and comparing keys is comparing prices.
 */
public final class PriceKey {

    public static final int SCALE = LtvMath.PRICE_SCALE;
    /** The highest price a key holds: about 9.2 × 10¹⁰. */
    public static final BigDecimal MAX_PRICE = BigDecimal.valueOf(Long.MAX_VALUE, SCALE);

    /**
     * The key of {@code price}.
     *
     * @throws IllegalArgumentException for a price that is not positive, has more than 8 decimals, or is above
     *                                  {@link #MAX_PRICE}
     */
    public static long of(BigDecimal price) {
        if (!isUsable(price)) {
            throw new IllegalArgumentException("price " + price + " must be positive, with at most " + SCALE
                    + " decimals, at most " + MAX_PRICE.toPlainString());
        }
        return price.movePointRight(SCALE).longValueExact();
    }

    public static boolean isUsable(BigDecimal price) {
        return price != null && price.signum() > 0 && price.stripTrailingZeros().scale() <= SCALE
                && price.compareTo(MAX_PRICE) <= 0;
    }

    /** The price of a key, with 8 decimals. */
    public static BigDecimal price(long key) {
        return BigDecimal.valueOf(key, SCALE);
    }

    /** A quotient as a key, saturated at the ends of {@code long}. */
    static long clamp(BigInteger k) {
        if (k.bitLength() < 64) {
            return k.longValue();
        }
        return k.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    private PriceKey() {
    }
}
