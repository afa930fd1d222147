package io.shortfall.web.ops;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import java.util.UUID;

/**
 * The words of the operator's pages (risk, liquidations, failed emails) and of the notices and errors {@link OpsPages}
 * and {@link CrashDesk} word themselves: {@code {ops:...}} in templates. In English here; in German in
 * {@code messages/ops_de.properties}, which must name every one of them.
 */
@MessageBundle("ops")
public interface OpsMessages {

    // Shared by the tables of several pages

    @Message("Asset")
    String asset();

    @Message("Loans")
    String loans();

    @Message("Attempts")
    String attempts();

    @Message("Last error")
    String lastError();

    @Message("Action")
    String action();

    @Message("Sale")
    String sale();

    @Message("Debt (USDT)")
    String debtUsdt();

    /** Next to a sale's id: the loan it liquidates. */
    @Message("loan {id}")
    String loanRef(String id);

    // The risk page

    @Message("Risk")
    String riskTitle();

    @Message("Risk by asset")
    String riskHeading();

    @Message("Loans in each zone, per asset; the table below holds the same numbers")
    String chartLabel();

    @Message("Price")
    String price();

    @Message("Green")
    String zoneGreen();

    @Message("Orange")
    String zoneOrange();

    @Message("Red")
    String zoneRed();

    @Message("Breaker")
    String breaker();

    @Message("Tripped")
    String tripped();

    @Message("Reset the breaker of {asset}")
    String resetBreakerOf(String asset);

    @Message("Reset")
    String reset();

    /** A breaker that has not tripped. */
    @Message("ok")
    String breakerOk();

    @Message("What if the price were…")
    String stressHeading();

    @Message("Price (USDT)")
    String priceUsdt();

    @Message("Try it")
    String tryIt();

    @Message("{asset} at")
    String stressAt(String asset);

    /** The move to the stressed price, from the latest price. */
    @Message("{move} from {price}")
    String moveFrom(String move, String price);

    @Message("Would enter a worse zone")
    String wouldEnterWorseZone();

    @Message("{orange} orange, {red} red")
    String entering(Object orange, Object red);

    @Message("Would be liquidated")
    String wouldBeLiquidated();

    @Message("{loans} loans, {debt} USDT of debt")
    String liquidatedLoans(Object loans, Object debt);

    @Message("Projected shortfall (a floor: no sale costs)")
    String projectedShortfall();

    /** The notice after a breaker is reset. */
    @Message("The breaker of {asset} is reset: its loans are decided again from the next price.")
    String breakerReset(String asset);

    /** The what-if's error: the asset has no price yet. */
    @Message("No price of {asset} yet.")
    String noPriceYet(String asset);

    /** The what-if's error: the price typed is not a positive number. */
    @Message("Enter a price above zero, e.g. 30000")
    String enterPrice();

    // The liquidation desk

    @Message("Liquidations")
    String liquidationsTitle();

    @Message("Debt in liquidation, per asset")
    String capsHeading();

    @Message("Nothing is being liquidated.")
    String nothingLiquidated();

    @Message("In liquidation (USDT)")
    String inLiquidationUsdt();

    @Message("Cap (USDT)")
    String capUsdt();

    @Message("Waiting")
    String waiting();

    /** A list's heading shows a + when the list is as long as a page shows ({@code shown}): there may be more. */
    @Message("Stuck sales ({count}{#if count == shown}+{/if})")
    String stuckHeading(int count, int shown);

    @Message("No sale is stuck.")
    String noneStuck();

    @Message("The venue failed or did not answer these sales every time they were tried. Retrying sends the slices "
            + "not yet\n    filled again under the same client order ids, so no slice is sold twice.")
    String stuckText();

    @Message("Retry the sale {id}")
    String retrySaleOf(String id);

    @Message("Retry")
    String retry();

    @Message("Selling ({count}{#if count == shown}+{/if})")
    String sellingHeading(int count, int shown);

    @Message("No sale is in progress.")
    String noneSelling();

    /** The column of what a sale in progress sells. */
    @Message("Selling")
    String selling();

    @Message("Started")
    String started();

    @Message("Failed tries")
    String failedTries();

    @Message("Queued under the cap ({count}{#if count == shown}+{/if})")
    String queuedHeading(int count, int shown);

    @Message("Nothing waits for room under a cap.")
    String noneQueued();

    @Message("Place")
    String place();

    @Message("LTV")
    String ltv();

    @Message("Insurance fund")
    String fundHeading();

    @Message("Balance")
    String balance();

    @Message("At the start")
    String atTheStart();

    @Message("The fund has not been drawn on.")
    String fundNotDrawn();

    @Message("Latest draws (a non-recourse loan's shortfall)")
    String drawsCaption();

    @Message("When")
    String when();

    @Message("Loan")
    String loan();

    @Message("Drawn")
    String drawn();

    @Message("Balance after")
    String balanceAfter();

    /** The notice after a stuck sale is retried. */
    @Message("The sale {id} is selling again, under the same client order ids.")
    String saleRetried(UUID id);

    // The failed emails

    @Message("Failed emails")
    String emailsTitle();

    @Message("Emails that could not be sent")
    String emailsHeading();

    @Message("Every email was sent or is on its way.")
    String noneFailed();

    @Message("These emails failed at every attempt (the mail server refused them or did not answer). Sending one "
            + "again makes it\n  due now; it keeps its Message-ID, so a mail client that already has it shows it once.")
    String failedText();

    @Message("Email")
    String email();

    @Message("To (borrower)")
    String toBorrower();

    @Message("Written")
    String written();

    @Message("Send the email {id} again")
    String sendAgainOf(String id);

    @Message("Send again")
    String sendAgain();

    /** The notice after a failed email is sent again. */
    @Message("The email {id} is due again: it is sent within seconds.")
    String emailRetried(UUID id);
}
