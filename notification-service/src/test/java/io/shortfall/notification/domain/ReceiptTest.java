package io.shortfall.notification.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");
    private static final BigDecimal REFERENCE = new BigDecimal("2000.00000000");

    private static Receipt.Fill fill(String quantity, String price) {
        return new Receipt.Fill(AT, new BigDecimal(quantity), new BigDecimal(price), REFERENCE);
    }

    private static BigDecimal usdt(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void aShortfallReceiptAddsUpAndShowsEachFillsValueAndSlippage() {
        Receipt receipt = Receipt.of(List.of(fill("1.00000000", "1950.00000000"), fill("0.50000000", "1700.12345678")),
                usdt("2800.06"), usdt("139.94"), usdt("2940.00"), usdt("4000.00"), usdt("2940.00"), usdt("0.00"),
                usdt("0.00"), usdt("1060.00"));

        assertThat(receipt.fills()).extracting(f -> Receipt.exact(f.value()))
                .containsExactly("1950.00", "850.06172839");
        assertThat(receipt.fills()).extracting(Receipt.FillLine::slippagePercent).containsExactly("2.50", "14.99");
        assertThat(receipt.fetchedText()).isEqualTo("2800.06172839");
        assertThat(receipt.mismatches()).isEmpty();
        assertThat(receipt.hasShortfall()).isTrue();
        assertThat(receipt.hasSurplus()).isFalse();
    }

    @Test
    void everyLineThatDoesNotAddUpIsNamed() {
        Receipt receipt = Receipt.of(List.of(fill("1", "1950")), usdt("1950.01"), usdt("10.00"), usdt("1950.00"),
                usdt("1000.00"), usdt("1000.00"), usdt("50.00"), usdt("899.00"), usdt("0.01"));

        assertThat(receipt.mismatches()).hasSize(4)
                .anySatisfy(m -> assertThat(m).startsWith("proceeds 1950.01"))
                .anySatisfy(m -> assertThat(m).startsWith("gross 1950.00 != proceeds"))
                .anySatisfy(m -> assertThat(m).startsWith("gross 1950.00 != debt covered"))
                .anySatisfy(m -> assertThat(m).startsWith("debt 1000.00 != debt covered"));
    }

    @Test
    void aPartialReceiptLeavesTheUncoveredDebtOnTheLoanNotAsAShortfall() {
        Receipt receipt = Receipt.of(List.of(fill("0.50000000", "1990.00000000")), usdt("995.00"), usdt("0.00"),
                usdt("995.00"), usdt("4000.00"), usdt("995.00"), usdt("0.00"), usdt("0.00"), usdt("0.00"));

        assertThat(receipt.mismatches(true)).isEmpty();
        assertThat(receipt.remaining()).isEqualByComparingTo("3005.00");
        // Read as FULL, the same numbers would leave 3005.00 unaccounted for.
        assertThat(receipt.mismatches(false)).singleElement()
                .satisfies(m -> assertThat(m).startsWith("debt 4000.00 != debt covered 995.00 + shortfall 0.00"));
    }

    @Test
    void aPartialReceiptWithAShortfallOrSurplusOrWrongCoverDoesNotAddUp() {
        Receipt withShortfall = Receipt.of(List.of(fill("0.5", "1990")), usdt("995.00"), usdt("0.00"),
                usdt("995.00"), usdt("4000.00"), usdt("995.00"), usdt("0.00"), usdt("0.00"), usdt("3005.00"));
        Receipt overCovered = Receipt.of(List.of(fill("0.5", "1990")), usdt("995.00"), usdt("0.00"),
                usdt("995.00"), usdt("4000.00"), usdt("996.00"), usdt("0.00"), usdt("0.00"), usdt("0.00"));

        assertThat(withShortfall.mismatches(true)).singleElement()
                .satisfies(m -> assertThat(m).startsWith("a partial liquidation leaves neither"));
        assertThat(overCovered.mismatches(true)).hasSize(2)
                .anySatisfy(m -> assertThat(m).startsWith("debt covered 996.00 != min("))
                .anySatisfy(m -> assertThat(m).startsWith("gross 995.00 != debt covered 996.00"));
    }

    /** A sale as liquidation-service settles it (docs/DOMAIN.md): its receipt always adds up, to the cent. */
    @Property
    void aReceiptSettledByTheRulesAlwaysAddsUp(@ForAll("fills") List<Receipt.Fill> fills,
                                               @ForAll("debts") BigDecimal debt) {
        BigDecimal fetched = fills.stream().map(f -> f.quantity().multiply(f.price()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal floor = REFERENCE.multiply(new BigDecimal("0.98"));
        BigDecimal credited = fills.stream().map(f -> f.quantity().multiply(f.price().max(floor)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal proceeds = fetched.setScale(2, RoundingMode.DOWN);
        BigDecimal gross = credited.setScale(2, RoundingMode.DOWN);
        BigDecimal covered = gross.min(debt);
        BigDecimal surplus = gross.subtract(covered).subtract(new BigDecimal("0.05").multiply(gross))
                .max(BigDecimal.ZERO).setScale(2, RoundingMode.DOWN);
        BigDecimal fee = gross.subtract(covered).subtract(surplus);

        Receipt receipt = Receipt.of(fills, proceeds, gross.subtract(proceeds), gross, debt, covered, fee, surplus,
                debt.subtract(covered));

        assertThat(receipt.mismatches()).isEmpty();
        assertThat(receipt.fetched()).isEqualByComparingTo(fetched);
        assertThat(receipt.fills().stream().map(Receipt.FillLine::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(receipt.fetched());
    }

    /** Moving one cent from any line to nowhere is always caught. */
    @Property
    void aCentCreatedOrLostIsCaught(@ForAll("fills") List<Receipt.Fill> fills, @ForAll("debts") BigDecimal debt) {
        BigDecimal gross = fills.stream().map(f -> f.quantity().multiply(f.price()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.DOWN);
        BigDecimal covered = gross.min(debt);
        BigDecimal cent = new BigDecimal("0.01");

        Receipt lostShortfall = Receipt.of(fills, gross, BigDecimal.ZERO.setScale(2), gross, debt, covered,
                gross.subtract(covered), BigDecimal.ZERO.setScale(2), debt.subtract(covered).add(cent));
        Receipt createdSurplus = Receipt.of(fills, gross, BigDecimal.ZERO.setScale(2), gross, debt, covered,
                gross.subtract(covered), cent, debt.subtract(covered));

        assertThat(lostShortfall.mismatches()).isNotEmpty();
        assertThat(createdSurplus.mismatches()).isNotEmpty();
    }

    @Provide
    Arbitrary<List<Receipt.Fill>> fills() {
        Arbitrary<BigDecimal> quantities = Arbitraries.bigDecimals().between(new BigDecimal("0.00000001"),
                new BigDecimal("50")).ofScale(8);
        Arbitrary<BigDecimal> prices = Arbitraries.bigDecimals().between(new BigDecimal("1000"),
                new BigDecimal("2100")).ofScale(8);
        return Combinators.combine(quantities, prices).as((q, p) -> new Receipt.Fill(AT, q, p, REFERENCE))
                .list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<BigDecimal> debts() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("200000")).ofScale(2);
    }
}
