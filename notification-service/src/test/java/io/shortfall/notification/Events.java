package io.shortfall.notification;

import io.shortfall.events.DebtEvents;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.EventPayload;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.Thresholds;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.TestClock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The events of a crash as the other services publish them, for one borrower. */
public final class Events {

    private final KafkaProbe kafka;
    public final String borrower;
    public final UUID loan = UUID.randomUUID();

    public Events(KafkaProbe kafka, String prefix) {
        this.kafka = kafka;
        this.borrower = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String address() {
        return borrower + "@example.com";
    }

    public EventEnvelope contact() {
        return contact(address());
    }

    public EventEnvelope contact(String email) {
        return kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.BorrowerContact(borrower, email,
                "Nina Example", "en", "Europe/Paris"), "loan-service");
    }

    public EventEnvelope marginCall(int repeat) {
        return kafka.publish(Topics.MARGIN_EVENTS, marginCallOf(repeat), "margin-service");
    }

    /** The first margin call, in an envelope saying it occurred at {@code at}. */
    public EventEnvelope marginCallOccurred(Instant at) {
        return occurred(Topics.MARGIN_EVENTS, marginCallOf(0), "margin-service", at);
    }

    private MarginEvents.MarginCall marginCallOf(int repeat) {
        return new MarginEvents.MarginCall(loan, borrower, "BTC", new BigDecimal("1.00000000"),
                new BigDecimal("39000.00"), new BigDecimal("0.8125"), new BigDecimal("48000.00000000"),
                new BigDecimal("46801.87207488"), new BigDecimal("0.25000000"), new BigDecimal("7800.00"), repeat);
    }

    private EventEnvelope occurred(String topic, EventPayload payload, String source, Instant at) {
        EventEnvelope envelope = EventJson.envelope(payload, source, at);
        kafka.republish(topic, envelope);
        return envelope;
    }

    public EventEnvelope zone(String from, String to) {
        return kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.ZoneChanged(loan, borrower, "BTC", from, to,
                new BigDecimal("0.7612"), new BigDecimal("51234.50000000")), "margin-service");
    }

    public EventEnvelope liquidationStarted() {
        return kafka.publish(Topics.LOAN_EVENTS, liquidationStartedOf(), "loan-service");
    }

    /** The liquidation's start, in an envelope saying it occurred at {@code at}. */
    public EventEnvelope liquidationStartedOccurred(Instant at) {
        return occurred(Topics.LOAN_EVENTS, liquidationStartedOf(), "loan-service", at);
    }

    private LoanEvents.LiquidationStarted liquidationStartedOf() {
        return new LoanEvents.LiquidationStarted(loan, borrower, "ETH", new BigDecimal("2.00000000"),
                new BigDecimal("3900.00"), new BigDecimal("12.34"), new BigDecimal("2300.00000000"), Instant.now(),
                new BigDecimal("0.8505"), "FULL", "RECOURSE", Thresholds.DEFAULTS, 3);
    }

    /**
     * 2 ETH sold at 1950 and 1850 against a reference of 2000 (floor 1960): fetched 3800.00, floor credit 120.00,
     * gross 3920.00; debt 4000.00, so covered 3920.00, no fee, shortfall 80.00.
     */
    public EventEnvelope liquidationCompleted() {
        return completed(new BigDecimal("80.00"));
    }

    /** The same sale with a shortfall that does not add up. */
    public EventEnvelope liquidationCompletedWrongly() {
        return completed(new BigDecimal("79.99"));
    }

    private EventEnvelope completed(BigDecimal shortfall) {
        Instant at = Instant.parse("2026-11-22T10:15:30Z");
        var reference = new BigDecimal("2000.00000000");
        return kafka.publish(Topics.LIQUIDATION_EVENTS, new LiquidationEvents.LiquidationCompleted(UUID.randomUUID(),
                loan, borrower, "ETH", "FULL", new BigDecimal("2.00000000"), reference, new BigDecimal("3800.00"),
                new BigDecimal("120.00"), new BigDecimal("3920.00"), new BigDecimal("0.00"), new BigDecimal("4000.00"),
                new BigDecimal("3920.00"), new BigDecimal("0.00"), shortfall, List.of(
                new LiquidationEvents.Fill(at, new BigDecimal("1.00000000"), new BigDecimal("1950.00000000"),
                        reference, "c-1"),
                new LiquidationEvents.Fill(at.plusSeconds(2), new BigDecimal("1.00000000"),
                        new BigDecimal("1850.00000000"), reference, "c-2"))), "liquidation-service");
    }

    /**
     * A PARTIAL sale (the loan stays open): 0.5 ETH at 1990 against a reference of 2000 (no floor credit): gross
     * 995.00 repays 995.00 of the 4000.00 debt, no fee, no surplus, no shortfall; 3005.00 stays owed on the loan.
     */
    public EventEnvelope partialLiquidationCompleted() {
        Instant at = Instant.parse("2026-11-22T10:15:30Z");
        var reference = new BigDecimal("2000.00000000");
        return kafka.publish(Topics.LIQUIDATION_EVENTS, new LiquidationEvents.LiquidationCompleted(UUID.randomUUID(),
                loan, borrower, "ETH", "PARTIAL", new BigDecimal("0.50000000"), reference, new BigDecimal("995.00"),
                new BigDecimal("0.00"), new BigDecimal("995.00"), new BigDecimal("0.00"), new BigDecimal("4000.00"),
                new BigDecimal("995.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), List.of(
                new LiquidationEvents.Fill(at, new BigDecimal("0.50000000"), new BigDecimal("1990.00000000"),
                        reference, "c-1"))), "liquidation-service");
    }

    /** 1000.00 USDT owed: in full by 2026-12-06, or 3 × 333.33 (last 333.34), 6 × 166.66 (last 166.70), 12 × 83.33 (last 83.37). */
    public EventEnvelope debtCaseOpened() {
        var amount = new BigDecimal("1000.00");
        LocalDate first = LocalDate.parse("2026-12-22");
        List<DebtEvents.LadderOffer> ladder = List.of(
                new DebtEvents.LadderOffer(DebtEvents.LadderOffer.PAY_IN_FULL, 1, amount,
                        List.of(new DebtEvents.ScheduledInstallment(1, LocalDate.parse("2026-12-06"), amount))),
                installments(amount, 3, first), installments(amount, 6, first), installments(amount, 12, first));
        return kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.DebtCaseOpened(UUID.randomUUID(), borrower, amount,
                "USDT", UUID.randomUUID(), loan, ladder), "debt-collection-service");
    }

    public final UUID debtCase = UUID.randomUUID();

    public EventEnvelope contact(String email, String locale) {
        return kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.BorrowerContact(borrower, email,
                "Nina Example", locale, "Europe/Paris"), "loan-service");
    }

    /** A changed contact: the same address, another language and time zone. */
    public EventEnvelope contactIn(String locale, String timeZone) {
        return kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.BorrowerContact(borrower, address(),
                "Nina Example", locale, timeZone), "loan-service");
    }

    public EventEnvelope autoTopUp() {
        return kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.CollateralAdded(loan, borrower, "BTC",
                new BigDecimal("0.12500000"), LoanEvents.CollateralAdded.AUTO_INCREASE, new BigDecimal("1.12500000"),
                4), "loan-service");
    }

    public EventEnvelope borrowerAddedCollateral() {
        return kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.CollateralAdded(loan, borrower, "BTC",
                new BigDecimal("0.50000000"), LoanEvents.CollateralAdded.BORROWER, new BigDecimal("1.50000000"),
                5), "loan-service");
    }

    public EventEnvelope autoTopUpShort() {
        return kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.AutoIncreaseShort(loan, borrower, "BTC",
                new BigDecimal("0.25000000"), new BigDecimal("0.10000000")), "loan-service");
    }

    public EventEnvelope offer(String by) {
        return kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.OfferMade(debtCase, borrower, UUID.randomUUID(), by,
                "INSTALLMENTS", new DebtEvents.OfferTerms(4, "MONTHLY", LocalDate.parse("2027-01-15"),
                new BigDecimal("100.00"), new BigDecimal("225.00"), "our counter-offer"), List.of(
                new DebtEvents.ScheduledInstallment(1, LocalDate.parse("2027-01-15"), new BigDecimal("100.00")),
                new DebtEvents.ScheduledInstallment(2, LocalDate.parse("2027-02-15"), new BigDecimal("41.66")),
                new DebtEvents.ScheduledInstallment(3, LocalDate.parse("2027-03-15"), new BigDecimal("41.66")),
                new DebtEvents.ScheduledInstallment(4, LocalDate.parse("2027-04-15"), new BigDecimal("41.68")))),
                "debt-collection-service");
    }

    public EventEnvelope settlementOffer() {
        return kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.OfferMade(debtCase, borrower, UUID.randomUUID(),
                "AGENT", "SETTLEMENT", new DebtEvents.OfferTerms(null, null, LocalDate.parse("2026-12-31"), null,
                new BigDecimal("850.00"), null)), "debt-collection-service");
    }

    /** 1000.00 in 3 monthly installments: 333.33, 333.33, 333.34. */
    public EventEnvelope planStarted() {
        var offer = installments(new BigDecimal("1000.00"), 3, LocalDate.parse("2027-01-05"));
        return kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.PlanStarted(debtCase, borrower, UUID.randomUUID(),
                offer.schedule()), "debt-collection-service");
    }

    /**
     * Today in UTC by the service's clock ({@link TestClock}): reminders are worded as of the debtor's day when
     * sent, so their due dates are set relative to it (the tests' preferences are in UTC).
     */
    public static LocalDate today() {
        return LocalDate.ofInstant(new TestClock().instant(), ZoneOffset.UTC);
    }

    /** Installment {@code n} is due in 3 days (n months later for n > 1). */
    public EventEnvelope dueSoon(int n) {
        return kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.InstallmentDueSoon(debtCase, borrower, n,
                today().plusDays(3).plusMonths(n - 1), new BigDecimal("333.33"), 0),
                "debt-collection-service");
    }

    /** Installment 1 is due today. */
    public EventEnvelope due() {
        return kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.InstallmentDue(debtCase, borrower, 1,
                today(), new BigDecimal("333.33"), 0), "debt-collection-service");
    }

    /** Installment 2 is {@code days} days overdue. */
    public EventEnvelope overdue(int days) {
        return kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.InstallmentOverdue(debtCase, borrower, 2,
                today().minusDays(days), new BigDecimal("333.33"), days), "debt-collection-service");
    }

    public EventEnvelope paymentReceived() {
        return kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.PaymentReceived(debtCase, borrower, UUID.randomUUID(),
                new BigDecimal("333.33"), new BigDecimal("666.67")), "debt-collection-service");
    }

    public EventEnvelope planBroken() {
        return kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.PlanBroken(debtCase, borrower, UUID.randomUUID(),
                "installment 2 unpaid 30 days after its due date"), "debt-collection-service");
    }

    public EventEnvelope settled() {
        return kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.DebtSettled(debtCase, borrower,
                new BigDecimal("850.00"), new BigDecimal("150.00")), "debt-collection-service");
    }

    public EventEnvelope writtenOff() {
        return kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.DebtWrittenOff(debtCase, borrower,
                new BigDecimal("666.67"), "supervisor-1"), "debt-collection-service");
    }

    public EventEnvelope pledgeAccepted(UUID pledge, String quantity) {
        return kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.PledgeAccepted(debtCase, borrower, pledge, "ETH",
                new BigDecimal(quantity), "agent-1"), "debt-collection-service");
    }

    public EventEnvelope pledgeReleased(UUID pledge, String quantity, String reason) {
        return kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.PledgeReleased(debtCase, borrower, pledge, "ETH",
                new BigDecimal(quantity), reason), "debt-collection-service");
    }

    public EventEnvelope pledgeSold(UUID pledge) {
        return kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.PledgeProceedsApplied(debtCase, borrower, pledge,
                "ETH", new BigDecimal("2.50000000"), new BigDecimal("1980.00000000"), new BigDecimal("4950.00"),
                new BigDecimal("4000.00"), new BigDecimal("950.00"), new BigDecimal("0.00")),
                "debt-collection-service");
    }

    private static DebtEvents.LadderOffer installments(BigDecimal total, int n, LocalDate first) {
        BigDecimal regular = total.divide(BigDecimal.valueOf(n), 2, java.math.RoundingMode.DOWN);
        List<DebtEvents.ScheduledInstallment> schedule = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            BigDecimal amount = i < n ? regular : total.subtract(regular.multiply(BigDecimal.valueOf(n - 1)));
            schedule.add(new DebtEvents.ScheduledInstallment(i, first.plusMonths(i - 1), amount));
        }
        return new DebtEvents.LadderOffer(DebtEvents.LadderOffer.INSTALLMENTS, n, total, schedule);
    }
}
