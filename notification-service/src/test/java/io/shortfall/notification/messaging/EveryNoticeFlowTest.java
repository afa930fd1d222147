package io.shortfall.notification.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.Topics;
import io.shortfall.notification.Events;
import io.shortfall.notification.Mailbox;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every notice of docs/DOMAIN.md rendered from real events, in English and in German, through the real SMTP server:
 * subjects, the numbers in the plain-text part and the HTML part, once per event however often delivered.
 */
@QuarkusTest
class EveryNoticeFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    /**
     * Collection notices respect quiet hours, and these tests run at any time of day: the borrower's quiet hours
     * are set to a window that does not contain the next hour (in UTC).
     */
    static void quietHoursAwayFromNow(String borrower, String locale) {
        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        given().auth().oauth2(Tokens.borrower(borrower)).contentType(ContentType.JSON)
                .body(Map.of("timeZone", "UTC", "locale", locale,
                        "quietHours", Map.of("start", now.plusHours(2).toString(), "end", now.plusHours(3).toString())))
                .put("/api/preferences").then().statusCode(200);
    }

    private static Map<String, Mailbox.Email> awaitEmails(Events events, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address())).hasSize(count));
        return Mailbox.of(events.address()).stream()
                .collect(Collectors.toMap(Mailbox.Email::subject, Function.identity()));
    }

    private static List<Map<String, Object>> feed(Events events) {
        return given().auth().oauth2(Tokens.borrower(events.borrower)).get("/api/notifications?size=100")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void everyDebtAndTopUpNoticeInEnglishOnceEach() {
        Events events = new Events(kafka, "every-en");
        quietHoursAwayFromNow(events.borrower, "en");
        events.contact();
        events.autoTopUp();
        events.borrowerAddedCollateral(); // the borrower's own: no notice
        events.autoTopUpShort();
        events.offer("AGENT");
        events.offer("DEBTOR"); // the debtor's own proposal: no notice
        events.settlementOffer();
        EventEnvelope plan = events.planStarted();
        events.dueSoon(1);
        events.due();
        events.overdue(1);
        events.overdue(7);
        EventEnvelope payment = events.paymentReceived();
        events.planBroken();
        events.settled();
        events.writtenOff();

        Map<String, Mailbox.Email> emails = awaitEmails(events, 13);
        assertThat(emails.keySet()).containsExactlyInAnyOrder(
                "Auto top-up: 0.12500000 BTC added to your loan",
                "Auto top-up short: 0.15000000 BTC missing",
                "New installment offer on your debt",
                "New settlement offer on your debt",
                "Your repayment plan: 3 payments, 1000.00 USDT in total",
                "Installment 1 of 333.33 USDT is due on " + Events.today().plusDays(3),
                "Installment 1 of 333.33 USDT is due today",
                "Installment 2 of 333.33 USDT is 1 day overdue",
                "Installment 2 of 333.33 USDT is 7 days overdue",
                "Payment of 333.33 USDT received",
                "Your repayment plan was broken",
                "Your debt is settled",
                "Your remaining debt of 666.67 USDT was written off");

        Mailbox.Email topUp = emails.get("Auto top-up: 0.12500000 BTC added to your loan");
        assertThat(topUp.text()).contains("Hello Nina Example").contains("Added:            0.12500000 BTC")
                .contains("Collateral now:   1.12500000 BTC").contains(events.loan.toString());
        assertThat(topUp.html()).contains("<strong>0.12500000 BTC</strong>");
        assertThat(emails.get("Auto top-up short: 0.15000000 BTC missing").text())
                .contains("Needed:       0.25000000 BTC").contains("Reserve held: 0.10000000 BTC")
                .contains("All your reserve held was moved into the loan").doesNotContain("nothing was moved")
                .contains("add 0.15000000 BTC to your reserve");
        assertThat(emails.get("New installment offer on your debt").text())
                .contains("Installments:   4 (MONTHLY)").doesNotContain("Each:           225.00")
                .contains("Each:           41.66 USDT (the last 41.68 USDT)").contains("Total:          225.00 USDT")
                .contains("4. 2027-04-15: 41.68 USDT")
                .contains("Down payment:   100.00 USDT").contains("First due:      2027-01-15")
                .contains("Note:           our counter-offer").contains("counter-offer in the app");
        assertThat(emails.get("New settlement offer on your debt").text())
                .contains("Settle for:     850.00 USDT").doesNotContain("Down payment");
        Mailbox.Email planEmail = emails.get("Your repayment plan: 3 payments, 1000.00 USDT in total");
        assertThat(planEmail.text()).contains("1. 2027-01-05: 333.33 USDT").contains("2. 2027-02-05: 333.33 USDT")
                .contains("3. 2027-03-05: 333.34 USDT").contains("Total: 1000.00 USDT");
        assertThat(planEmail.html()).contains("<td>3</td><td>2027-03-05</td><td>333.34</td>");
        assertThat(emails.get("Installment 1 of 333.33 USDT is due on " + Events.today().plusDays(3)).text())
                .contains("due in 3 days, on " + Events.today().plusDays(3)).contains("Amount:   333.33 USDT");
        assertThat(emails.get("Installment 2 of 333.33 USDT is 7 days overdue").text())
                .contains("due on " + Events.today().minusDays(7) + ", is 7 days overdue").contains("propose a new");
        assertThat(emails.get("Payment of 333.33 USDT received").text())
                .contains("Paid:        333.33 USDT").contains("Outstanding: 666.67 USDT");
        assertThat(emails.get("Your repayment plan was broken").text())
                .contains("installment 2 unpaid 30 days after its due date");
        assertThat(emails.get("Your debt is settled").text()).contains("Paid:      850.00 USDT")
                .contains("+ Forgiven:  150.00 USDT").contains("= Total:     1000.00 USDT");
        assertThat(emails.get("Your remaining debt of 666.67 USDT was written off").html())
                .contains("<strong>666.67 USDT</strong>");

        // Delivered again: nothing new, neither an email nor a feed item.
        kafka.republish(Topics.DEBT_EVENTS, plan);
        kafka.republish(Topics.DEBT_EVENTS, payment);
        EventEnvelope sentinel = events.debtCaseOpened();
        awaitEmails(events, 14);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(feed(events)).hasSize(14)
                .allSatisfy(n -> assertThat(n.get("email")).isEqualTo(Map.of("status", "SENT", "attempts", 0))));
        assertThat(feed(events)).extracting(n -> n.get("type")).contains("OFFER_RECEIVED", "PLAN_ACCEPTED",
                "INSTALLMENT_DUE_SOON", "INSTALLMENT_DUE", "INSTALLMENT_OVERDUE", "PAYMENT_RECEIVED", "PLAN_BROKEN",
                "DEBT_SETTLED", "DEBT_WRITTEN_OFF", "AUTO_TOP_UP_DONE", "AUTO_TOP_UP_SHORT", "NEGATIVE_BALANCE");
        assertThat(sentinel).isNotNull();
    }

    @Test
    void aPledgeAcceptedGivenBackAndSoldIsToldOnceEachWithTheSalesArithmetic() {
        Events events = new Events(kafka, "pledge-en");
        events.contact();
        java.util.UUID kept = java.util.UUID.randomUUID();
        java.util.UUID sold = java.util.UUID.randomUUID();
        events.pledgeAccepted(kept, "1.00000000");
        events.pledgeReleased(kept, "1.00000000", "the case is settled");
        events.pledgeAccepted(sold, "2.50000000");
        EventEnvelope sale = events.pledgeSold(sold);

        Map<String, Mailbox.Email> emails = awaitEmails(events, 4);
        assertThat(emails.keySet()).containsExactlyInAnyOrder("Your pledge of 1 ETH was accepted",
                "Your pledge of 1 ETH is back in your reserve", "Your pledge of 2.5 ETH was accepted",
                "Your pledge of 2.5 ETH was sold for 4950.00 USDT");
        assertThat(emails.get("Your pledge of 2.5 ETH was accepted").text())
                .contains("We hold it until the debt is settled").contains(events.debtCase.toString());
        assertThat(emails.get("Your pledge of 1 ETH is back in your reserve").text())
                .contains("Reason: the case is settled");
        Mailbox.Email receipt = emails.get("Your pledge of 2.5 ETH was sold for 4950.00 USDT");
        assertThat(receipt.text()).contains("Sold:              2.5 ETH at 1980.00000000 USDT")
                .contains("Raised:            4950.00 USDT").contains("Paid off the debt: 4000.00 USDT")
                .contains("To your balance:   950.00 USDT").contains("Still owed:        0.00 USDT");
        assertThat(receipt.html()).contains("<td>950.00 USDT</td>");

        kafka.republish(Topics.DEBT_EVENTS, sale);
        events.debtCaseOpened();
        awaitEmails(events, 5);
        assertThat(feed(events)).extracting(n -> n.get("type")).containsExactlyInAnyOrder("PLEDGE_ACCEPTED",
                "PLEDGE_RELEASED", "PLEDGE_ACCEPTED", "PLEDGE_SOLD", "NEGATIVE_BALANCE");
    }

    @Test
    void everyNoticeInGerman() {
        Events events = new Events(kafka, "every-de");
        quietHoursAwayFromNow(events.borrower, "de");
        events.contact(events.address(), "de-DE");
        events.zone("GREEN", "ORANGE");
        events.marginCall(1);
        events.autoTopUp();
        events.autoTopUpShort();
        events.liquidationStarted();
        events.liquidationCompleted();
        events.debtCaseOpened();
        events.offer("AGENT");
        events.planStarted();
        events.dueSoon(2);
        events.due();
        events.overdue(14);
        events.paymentReceived();
        events.planBroken();
        events.settled();
        events.writtenOff();

        Map<String, Mailbox.Email> emails = awaitEmails(events, 16);
        assertThat(emails.keySet()).containsExactlyInAnyOrder(
                "Warnung: Ihr BTC-Kredit ist in der Zone ORANGE",
                "Nachschussaufforderung für Ihren BTC-Kredit (Erinnerung 1)",
                "Automatische Aufstockung: 0.12500000 BTC hinzugefügt",
                "Automatische Aufstockung unvollständig: 0.15000000 BTC fehlen",
                "Ihr ETH-Kredit wird liquidiert",
                "Liquidationsbeleg: ein Fehlbetrag von 80.00 USDT bleibt offen",
                "Nach der Liquidation schulden Sie 1000.00 USDT",
                "Neues Ratenzahlungsangebot zu Ihrer Schuld",
                "Ihr Ratenplan: 3 Zahlungen, insgesamt 1000.00 USDT",
                "Rate 2 über 333.33 USDT ist am " + Events.today().plusDays(3).plusMonths(1) + " fällig",
                "Rate 1 über 333.33 USDT ist heute fällig",
                "Rate 2 über 333.33 USDT ist seit 14 Tagen überfällig",
                "Zahlung über 333.33 USDT erhalten",
                "Ihr Ratenplan wurde beendet",
                "Ihre Schuld ist beglichen",
                "Ihre Restschuld von 666.67 USDT wurde abgeschrieben");
        assertThat(emails.get("Warnung: Ihr BTC-Kredit ist in der Zone ORANGE").text()).contains("Hallo Nina Example")
                .contains("LTV:   76.12 %").contains("Kurs:  51234.50000000 USDT je BTC");
        assertThat(emails.get("Nachschussaufforderung für Ihren BTC-Kredit (Erinnerung 1)").text())
                .contains("NACHSCHUSSAUFFORDERUNG (Erinnerung 1)").contains("0.25000000 BTC als Sicherheit")
                .contains("7800.00 USDT tilgen").contains("Liquidationskurs:   46801.87207488 USDT je BTC");
        assertThat(emails.get("Ihr ETH-Kredit wird liquidiert").text()).contains("LTV:           85.05 %")
                .contains("Schuld:        3912.34 USDT");
        Mailbox.Email receipt = emails.get("Liquidationsbeleg: ein Fehlbetrag von 80.00 USDT bleibt offen");
        assertThat(receipt.text())
                .contains("1.00000000 ETH x 1950.00000000 = 1950.00 USDT (Referenz 2000.00000000, Slippage 2.50 %)")
                .contains("Erlös (Summe der Werte):         3800.00 USDT")
                .contains("+ Gutschrift Mindestpreis:         120.00 USDT")
                .contains("= Brutto:                          3920.00 USDT")
                .contains("Fehlbetrag = Schuld - gedeckte Schuld:       80.00 USDT");
        assertThat(receipt.html()).contains("<td>1950.00</td>");
        assertThat(emails.get("Nach der Liquidation schulden Sie 1000.00 USDT").text())
                .contains("1000.00 USDT vollständig bis 2026-12-06 zahlen")
                .contains("3 Monatsraten zu 333.33 USDT (die letzte 333.34), die erste fällig am 2026-12-22")
                .contains("12 Monatsraten zu 83.33 USDT (die letzte 83.37)")
                .contains("3. 2027-02-22: 333.34 USDT");
        assertThat(emails.get("Neues Ratenzahlungsangebot zu Ihrer Schuld").text()).doesNotContain("Je Rate:          225.00")
                .contains("Je Rate:          41.66 USDT (die letzte 41.68 USDT)")
                .contains("Insgesamt:        225.00 USDT").contains("Anzahlung:        100.00 USDT");
        assertThat(emails.get("Ihr Ratenplan: 3 Zahlungen, insgesamt 1000.00 USDT").text())
                .contains("3. 2027-03-05: 333.34 USDT").contains("Summe: 1000.00 USDT");
        assertThat(emails.get("Rate 2 über 333.33 USDT ist seit 14 Tagen überfällig").text())
                .contains("ist seit 14 Tagen überfällig").contains("Betrag:     333.33 USDT");
        assertThat(emails.get("Ihre Schuld ist beglichen").text()).contains("+ Erlassen:  150.00 USDT")
                .contains("= Summe:      1000.00 USDT");
        assertThat(emails.get("Automatische Aufstockung unvollständig: 0.15000000 BTC fehlen").html())
                .contains("<strong>0.15000000 BTC</strong>");
        // The feed speaks German too, rendered from the stored events.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(feed(events)).hasSize(16));
        assertThat(feed(events)).extracting(n -> n.get("title")).containsAll(emails.keySet());
        assertThat(feed(events)).filteredOn(n -> "DEBT_SETTLED".equals(n.get("type"))).singleElement()
                .satisfies(n -> assertThat(n.get("body"))
                        .isEqualTo("Sie haben 850.00 USDT gezahlt; 150.00 USDT wurden erlassen. Es ist nichts mehr offen."));
        assertThat(feed(events)).filteredOn(n -> "NEGATIVE_BALANCE".equals(n.get("type"))).singleElement()
                .satisfies(n -> assertThat(n.get("body").toString())
                        .contains("3 Monatsraten zu 333.33 USDT (die letzte 333.34), die erste fällig am 2026-12-22"));
    }

    @Test
    void aPartialLiquidationsReceiptSaysWhatStaysOwedOnTheOpenLoanInBothLanguages() {
        Events english = new Events(kafka, "partial-en");
        english.contact();
        english.partialLiquidationCompleted();
        Events german = new Events(kafka, "partial-de");
        german.contact(german.address(), "de-DE");
        german.partialLiquidationCompleted();

        Mailbox.Email receipt = awaitEmails(english, 1)
                .get("Partial liquidation: 995.00 USDT of your debt repaid, your loan stays open");
        assertThat(receipt).isNotNull();
        assertThat(receipt.text()).contains("(policy PARTIAL)")
                .contains("0.50000000 ETH x 1990.00000000 = 995.00 USDT")
                .contains("Debt covered = min(gross, debt): 995.00 USDT")
                .contains("Still owed on the loan = debt - debt covered: 3005.00 USDT")
                .contains("3005.00 USDT remain owed on the loan, which stays open")
                .doesNotContain("Shortfall =").doesNotContain("repaid in full");
        assertThat(receipt.html()).contains("<td>3005.00 USDT</td>").doesNotContain("repaid in full");
        assertThat(feed(english)).singleElement().satisfies(n -> assertThat(n.get("body").toString())
                .contains("Still owed on the loan: 3005.00 USDT."));

        Mailbox.Email beleg = awaitEmails(german, 1)
                .get("Teilliquidation: 995.00 USDT Ihrer Schuld getilgt, Ihr Kredit läuft weiter");
        assertThat(beleg).isNotNull();
        assertThat(beleg.text()).contains("Weiterhin offen = Schuld - gedeckte Schuld: 3005.00 USDT")
                .doesNotContain("Fehlbetrag =").doesNotContain("vollständig getilgt");
    }

    @Test
    void theContactsLocaleChoosesTheLanguageUntilTheBorrowerChoosesAnother() {
        Events events = new Events(kafka, "lang");
        events.contact(events.address(), "de_AT");
        events.zone("GREEN", "ORANGE");
        assertThat(awaitEmails(events, 1)).containsKey("Warnung: Ihr BTC-Kredit ist in der Zone ORANGE");

        given().auth().oauth2(Tokens.borrower(events.borrower)).contentType(ContentType.JSON)
                .body(Map.of("locale", "en")).put("/api/preferences").then().statusCode(200);
        events.marginCall(0);
        Map<String, Mailbox.Email> emails = awaitEmails(events, 2);
        assertThat(emails).containsKey("Margin call on your BTC loan");
        assertThat(emails.get("Margin call on your BTC loan").text()).contains("Hello Nina Example");
        // The borrower's zone was the contact's until then, and stays so.
        given().auth().oauth2(Tokens.borrower(events.borrower)).get("/api/preferences").then().statusCode(200)
                .body("timeZone", org.hamcrest.Matchers.equalTo("Europe/Paris"))
                .body("locale", org.hamcrest.Matchers.equalTo("en"));
    }

    @Test
    void aRecoveryIsToldAsARecoveryNotAsAnotherWarningAndAReturnToGreenTooInBothLanguages() {
        Events en = new Events(kafka, "recovery-en");
        quietHoursAwayFromNow(en.borrower, "en");
        en.contact();
        en.zone("GREEN", "ORANGE");
        en.zone("ORANGE", "RED");
        en.zone("RED", "ORANGE");
        en.zone("ORANGE", "GREEN");
        Map<String, Mailbox.Email> emails = awaitEmails(en, 3);
        assertThat(emails.keySet()).containsExactlyInAnyOrder("Warning: your BTC loan is in the ORANGE zone",
                "Your BTC loan is back to ORANGE", "Your BTC loan is back to GREEN");
        assertThat(emails.get("Your BTC loan is back to ORANGE").text()).contains("(it was RED)")
                .contains("LTV:   76.12%").doesNotContain("margin call");
        assertThat(emails.get("Your BTC loan is back to GREEN").text()).contains("Nothing needs doing.");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(feed(en)).extracting(n -> n.get("type"))
                .containsExactlyInAnyOrder("ORANGE_WARNING", "ZONE_RECOVERED", "ZONE_RECOVERED"));

        Events de = new Events(kafka, "recovery-de");
        quietHoursAwayFromNow(de.borrower, "de");
        de.contact(de.address(), "de-DE");
        de.zone("RED", "ORANGE");
        de.zone("ORANGE", "GREEN");
        Map<String, Mailbox.Email> german = awaitEmails(de, 2);
        assertThat(german.keySet()).containsExactlyInAnyOrder("Ihr BTC-Kredit ist zurück in der Zone ORANGE",
                "Ihr BTC-Kredit ist zurück in der Zone GREEN");
        assertThat(german.get("Ihr BTC-Kredit ist zurück in der Zone GREEN").text()).contains("Sie müssen nichts tun.");
    }
}
