package io.shortfall.notification.mail;

import io.shortfall.events.DebtEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which events tell the borrower what: types, titles in both languages, and the events that tell nothing. */
class NoticesTest {

    private static final UUID CASE = UUID.randomUUID();
    private static final UUID LOAN = UUID.randomUUID();

    @Test
    void theBorrowersOwnCollateralAndOfferTellThemNothing() {
        assertThat(Notices.of(new LoanEvents.CollateralAdded(LOAN, "b", "BTC", BigDecimal.ONE,
                LoanEvents.CollateralAdded.BORROWER, BigDecimal.TEN, 2))).isEmpty();
        assertThat(Notices.of(new DebtEvents.OfferMade(CASE, "b", UUID.randomUUID(), "DEBTOR", "INSTALLMENTS",
                null))).isEmpty();
        assertThat(Notices.of(new LoanEvents.CollateralAdded(LOAN, "b", "BTC", BigDecimal.ONE,
                LoanEvents.CollateralAdded.AUTO_INCREASE, BigDecimal.TEN, 2)))
                .hasValueSatisfying(n -> assertThat(n.type()).isEqualTo(NotificationType.AUTO_TOP_UP_DONE));
    }

    @Test
    void anOverdueReminderSaysHowLateItIsInBothLanguages() {
        var fourteen = (InstallmentReminderNotice) Notices.of(new DebtEvents.InstallmentOverdue(CASE, "b", 2,
                LocalDate.parse("2027-02-05"), new BigDecimal("333.33"), 14)).orElseThrow();
        assertThat(fourteen.title(Lang.EN)).isEqualTo("Installment 2 of 333.33 USDT is 14 days overdue");
        assertThat(fourteen.title(Lang.DE)).isEqualTo("Rate 2 über 333.33 USDT ist seit 14 Tagen überfällig");
        var one = (InstallmentReminderNotice) Notices.of(new DebtEvents.InstallmentOverdue(CASE, "b", 2,
                LocalDate.parse("2027-02-05"), new BigDecimal("333.33"), 1)).orElseThrow();
        assertThat(one.title(Lang.EN)).isEqualTo("Installment 2 of 333.33 USDT is 1 day overdue");
        assertThat(one.title(Lang.DE)).isEqualTo("Rate 2 über 333.33 USDT ist seit 1 Tag überfällig");
        assertThat(one.type().collection()).isTrue();
    }

    @Test
    void aReminderIsWordedAsOfTheDayItIsSentNotAsOfItsEvent() {
        LocalDate due = LocalDate.parse("2027-01-05");
        var soon = (InstallmentReminderNotice) Notices.of(new DebtEvents.InstallmentDueSoon(CASE, "b", 1, due,
                new BigDecimal("333.33"), 0)).orElseThrow();
        assertThat(soon.asOf(due.minusDays(3)).daysUntilDue()).isEqualTo(3);
        assertThat(soon.asOf(due.minusDays(1))).satisfies(n -> {
            assertThat(n.dueSoon()).isTrue();
            assertThat(n.daysUntilDue()).isEqualTo(1);
            assertThat(n.title(Lang.EN)).isEqualTo("Installment 1 of 333.33 USDT is due on 2027-01-05");
        });
        assertThat(soon.asOf(due).title(Lang.EN)).isEqualTo("Installment 1 of 333.33 USDT is due today");
        assertThat(soon.asOf(due).title(Lang.DE)).isEqualTo("Rate 1 über 333.33 USDT ist heute fällig");
        assertThat(soon.asOf(due.plusDays(2)).title(Lang.EN)).isEqualTo("Installment 1 of 333.33 USDT is 2 days overdue");

        var today = (InstallmentReminderNotice) Notices.of(new DebtEvents.InstallmentDue(CASE, "b", 1, due,
                new BigDecimal("333.33"), 0)).orElseThrow();
        assertThat(today.title(Lang.EN)).isEqualTo("Installment 1 of 333.33 USDT is due today");
        assertThat(today.asOf(due.plusDays(1))).satisfies(n -> {
            assertThat(n.overdue()).isTrue();
            assertThat(n.daysOverdue()).isEqualTo(1);
            assertThat(n.title(Lang.EN)).isEqualTo("Installment 1 of 333.33 USDT is 1 day overdue");
            assertThat(n.title(Lang.DE)).isEqualTo("Rate 1 über 333.33 USDT ist seit 1 Tag überfällig");
            assertThat(n.summary(Lang.EN)).endsWith("to keep your plan.");
        });

        // An overdue reminder held back a week is a week later than its event says.
        var late = (InstallmentReminderNotice) Notices.of(new DebtEvents.InstallmentOverdue(CASE, "b", 1, due,
                new BigDecimal("333.33"), 7)).orElseThrow();
        assertThat(late.asOf(due.plusDays(14)).title(Lang.EN))
                .isEqualTo("Installment 1 of 333.33 USDT is 14 days overdue");
        assertThat(late.asOf(due.plusDays(14)).daysPastDue()).isEqualTo(7);
        // Every other notice says the same on any day.
        var other = Notices.of(new LoanEvents.AutoIncreaseShort(LOAN, "b", "ETH", new BigDecimal("1.50000000"),
                new BigDecimal("0.25000000"))).orElseThrow();
        assertThat(other.asOf(due)).isSameAs(other);
    }

    @Test
    void anAutoTopUpShortSaysWhatIsMissing() {
        var notice = AutoTopUpShortNotice.of(new LoanEvents.AutoIncreaseShort(LOAN, "b", "ETH",
                new BigDecimal("1.50000000"), new BigDecimal("0.25000000")));
        assertThat(notice.missing()).isEqualTo("1.25000000");
        assertThat(notice.title(Lang.EN)).isEqualTo("Auto top-up short: 1.25000000 ETH missing");
        assertThat(notice.movedSome()).isTrue();
        assertThat(notice.summary(Lang.EN)).contains("reserve held 0.25000000 ETH (all moved into the loan)");
    }

    @Test
    void anAutoTopUpShortOfAnEmptyReserveSaysNothingWasMoved() {
        var notice = AutoTopUpShortNotice.of(new LoanEvents.AutoIncreaseShort(LOAN, "b", "ETH",
                new BigDecimal("1.50000000"), new BigDecimal("0.00000000")));
        assertThat(notice.missing()).isEqualTo("1.50000000");
        assertThat(notice.movedSome()).isFalse();
        assertThat(notice.summary(Lang.EN)).doesNotContain("moved");
    }

    @Test
    void aSettlementAddsWhatWasPaidAndWhatWasForgiven() {
        var notice = DebtSettledNotice.of(new DebtEvents.DebtSettled(CASE, "b", new BigDecimal("850.00"),
                new BigDecimal("150.00")));
        assertThat(notice.total()).isEqualTo("1000.00");
        assertThat(notice.discounted()).isTrue();
        var inFull = DebtSettledNotice.of(new DebtEvents.DebtSettled(CASE, "b", new BigDecimal("1000.00"), null));
        assertThat(inFull.discounted()).isFalse();
        assertThat(inFull.total()).isEqualTo("1000.00");
    }

    @Test
    void aPlanSaysItsScheduleAndTotalAndAnEmptyPlanIsRefused() {
        var plan = PlanAcceptedNotice.of(new DebtEvents.PlanStarted(CASE, "b", UUID.randomUUID(), List.of(
                new DebtEvents.ScheduledInstallment(1, LocalDate.parse("2027-01-05"), new BigDecimal("500.00")),
                new DebtEvents.ScheduledInstallment(2, LocalDate.parse("2027-02-05"), new BigDecimal("500.01")))));
        assertThat(plan.total()).isEqualTo("1000.01");
        assertThat(plan.firstDue()).isEqualTo("2027-01-05");
        assertThat(plan.lastDue()).isEqualTo("2027-02-05");
        assertThat(plan.title(Lang.DE)).isEqualTo("Ihr Ratenplan: 2 Zahlungen, insgesamt 1000.01 USDT");
        assertThatThrownBy(() -> PlanAcceptedNotice.of(new DebtEvents.PlanStarted(CASE, "b", UUID.randomUUID(),
                List.of()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTypeIsEitherACollectionNoticeOrNeverHeldBack() {
        assertThat(java.util.Arrays.stream(NotificationType.values()).filter(NotificationType::collection))
                .containsExactlyInAnyOrder(NotificationType.OFFER_RECEIVED, NotificationType.INSTALLMENT_DUE_SOON,
                        NotificationType.INSTALLMENT_DUE, NotificationType.INSTALLMENT_OVERDUE,
                        NotificationType.PLAN_BROKEN);
    }

    private static DebtEvents.ScheduledInstallment due(int n, String date, String amount) {
        return new DebtEvents.ScheduledInstallment(n, LocalDate.parse(date), new BigDecimal(amount));
    }

    @Test
    void anInstallmentOfferStatesEachInstallmentAndNeverTheTotalAsEachInBothLanguages() {
        var offer = (OfferReceivedNotice) Notices.of(new DebtEvents.OfferMade(CASE, "b", UUID.randomUUID(), "AGENT",
                "INSTALLMENTS", new DebtEvents.OfferTerms(3, "MONTHLY", LocalDate.parse("2027-03-02"), null,
                new BigDecimal("480.08"), null), List.of(due(1, "2027-03-02", "160.02"), due(2, "2027-04-02", "160.02"),
                due(3, "2027-05-02", "160.04")))).orElseThrow();
        assertThat(offer.summary(Lang.EN)).startsWith("3 monthly installments of 160.02 USDT (the last 160.04), "
                + "480.08 USDT in all, the first due 2027-03-02.").doesNotContain("of 480.08");
        assertThat(offer.summary(Lang.DE)).startsWith("3 Raten zu 160.02 USDT (die letzte 160.04), insgesamt "
                + "480.08 USDT, die erste fällig am 2027-03-02.").doesNotContain("zu 480.08");
        assertThat(offer.schedule()).extracting(OfferReceivedNotice.Line::amount)
                .containsExactly("160.02", "160.02", "160.04");

        // An older event without its schedule says the total as the total, never as each installment.
        var older = (OfferReceivedNotice) Notices.of(new DebtEvents.OfferMade(CASE, "b", UUID.randomUUID(), "AGENT",
                "INSTALLMENTS", new DebtEvents.OfferTerms(3, "MONTHLY", LocalDate.parse("2027-03-02"), null,
                new BigDecimal("480.08"), null))).orElseThrow();
        assertThat(older.summary(Lang.EN)).startsWith("3 monthly installments, 480.08 USDT in all,");
        assertThat(older.summary(Lang.DE)).startsWith("3 Raten, insgesamt 480.08 USDT,");
    }

    @Test
    void anInstallmentOfferWithADownPaymentStatesTheDownPaymentAndEachInstallmentAfterIt() {
        var offer = (OfferReceivedNotice) Notices.of(new DebtEvents.OfferMade(CASE, "b", UUID.randomUUID(), "AGENT",
                "INSTALLMENTS", new DebtEvents.OfferTerms(4, "MONTHLY", LocalDate.parse("2027-03-02"),
                new BigDecimal("100.00"), new BigDecimal("480.08"), null), List.of(due(1, "2027-03-02", "100.00"),
                due(2, "2027-04-02", "126.69"), due(3, "2027-05-02", "126.69"), due(4, "2027-06-02", "126.70"))))
                .orElseThrow();
        assertThat(offer.summary(Lang.EN)).startsWith("100.00 USDT down, then 3 monthly installments of 126.69 USDT "
                + "(the last 126.70), 480.08 USDT in all, the first due 2027-03-02.");
    }

    private static io.shortfall.events.MarginEvents.ZoneChanged zone(String from, String to) {
        return new io.shortfall.events.MarginEvents.ZoneChanged(LOAN, "b", "BTC", from, to, new BigDecimal("0.7200"),
                new BigDecimal("60000.00"));
    }

    @Test
    void aRecoveryFromRedToOrangeIsARecoveryNoticeNotAWarningBeforeAMarginCall() {
        var notice = Notices.of(zone("RED", "ORANGE")).orElseThrow();
        assertThat(notice.type()).isEqualTo(NotificationType.ZONE_RECOVERED);
        assertThat(notice.title(Lang.EN)).isEqualTo("Your BTC loan is back to ORANGE");
        assertThat(notice.title(Lang.DE)).isEqualTo("Ihr BTC-Kredit ist zurück in der Zone ORANGE");
        assertThat(notice.summary(Lang.EN)).doesNotContain("before a margin call").contains("no longer in RED");
        // Entering ORANGE from GREEN is still the warning.
        assertThat(Notices.of(zone("GREEN", "ORANGE")).orElseThrow().type())
                .isEqualTo(NotificationType.ORANGE_WARNING);
    }

    @Test
    void aReturnToGreenIsNotifiedAsARecoveryInBothLanguages() {
        var fromOrange = Notices.of(zone("ORANGE", "GREEN")).orElseThrow();
        assertThat(fromOrange.type()).isEqualTo(NotificationType.ZONE_RECOVERED);
        assertThat(fromOrange.title(Lang.EN)).isEqualTo("Your BTC loan is back to GREEN");
        assertThat(fromOrange.title(Lang.DE)).isEqualTo("Ihr BTC-Kredit ist zurück in der Zone GREEN");
        assertThat(Notices.of(zone("RED", "GREEN")).orElseThrow().summary(Lang.EN)).contains("no longer in RED");
        // Getting worse is told by the warning or the margin call, not as a recovery.
        assertThat(Notices.of(zone("ORANGE", "RED"))).isEmpty();
    }
}
