package io.shortfall.web.borrower;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LtvPreviewTest {

    private static final BigDecimal INITIAL = new BigDecimal("0.65");
    private static final BigDecimal WARNING = new BigDecimal("0.75");
    private static final BigDecimal MARGIN_CALL = new BigDecimal("0.83");

    private static Optional<LtvPreview> at60000(String collateral, String principal) {
        return LtvPreview.of(collateral, principal, new BigDecimal("60000"), INITIAL, WARNING, MARGIN_CALL);
    }

    @Test
    void aLoanOfHalfTheCollateralsValueOpensGreenAtFiftyPercent() {
        assertThat(at60000("1", "30000")).contains(new LtvPreview(new BigDecimal("0.5000"), "GREEN", true));
    }

    @Test
    void theZoneFollowsTheThresholdsFromTheirValueOn() {
        assertThat(at60000("1", "39000")).map(LtvPreview::allowed).contains(true);         // 0.65: the initial LTV
        assertThat(at60000("1", "39001")).map(LtvPreview::allowed).contains(false);
        assertThat(at60000("1", "45000")).map(LtvPreview::zone).contains("ORANGE");        // 0.75
        assertThat(at60000("1", "44999")).map(LtvPreview::zone).contains("GREEN");
        assertThat(at60000("1", "49800")).map(LtvPreview::zone).contains("RED");           // 0.83
    }

    @Test
    void nothingToPreviewWithoutTwoPositiveAmountsAndAPrice() {
        assertThat(at60000("", "30000")).isEmpty();
        assertThat(at60000("one", "30000")).isEmpty();
        assertThat(at60000("1", "-5")).isEmpty();
        assertThat(at60000("0", "5")).isEmpty();
        assertThat(at60000("1" + "0".repeat(50), "5")).isEmpty();
        assertThat(at60000("1e3", "30000")).isEmpty();                    // no exponents: the contract has none
        assertThat(at60000("1e20000000", "30000")).isEmpty();             // ten characters, twenty million digits
        assertThat(at60000(" 1 ", "30000")).isPresent();
        assertThat(LtvPreview.of("1", "1", null, INITIAL, WARNING, MARGIN_CALL)).isEmpty();
    }

    /** Rounded up to the basis point: never shown safer than it is, and never more than a basis point worse. */
    @Property
    void theShownLtvIsTheTrueOneRoundedUpToFourPlaces(
            @ForAll @BigRange(min = "0.00000001", max = "10000") @Scale(8) BigDecimal collateral,
            @ForAll @BigRange(min = "0.01", max = "100000000") @Scale(2) BigDecimal principal,
            @ForAll @BigRange(min = "0.01", max = "1000000") @Scale(2) BigDecimal price) {
        Optional<LtvPreview> preview = LtvPreview.of(collateral.toPlainString(), principal.toPlainString(), price,
                INITIAL, WARNING, MARGIN_CALL);
        BigDecimal shown = preview.orElseThrow().ltv();
        BigDecimal value = collateral.multiply(price);
        assertThat(shown.multiply(value)).isGreaterThanOrEqualTo(principal);
        assertThat(shown.subtract(new BigDecimal("0.0001")).multiply(value)).isLessThan(principal);
    }
}
