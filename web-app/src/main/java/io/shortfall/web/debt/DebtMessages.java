package io.shortfall.web.debt;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import java.time.LocalDate;

/**
 * The words of a debtor's pages (their debts, a case, its receipt, the conversation with the agents):
 * {@code {debt:...}} in templates, {@code language.messages(DebtMessages.class)} in Java. In English here; in German
 * in {@code messages/debt_de.properties}, which must name every one of them. The codes the services send (a case's,
 * an installment's or a payment's status) read as sent in English and as words in German.
 */
@MessageBundle("debt")
public interface DebtMessages {

    // The list of debts

    @Message("Your debts")
    String listTitle();

    @Message("You owe nothing after a liquidation.")
    String listEmpty();

    @Message("{amount} {currency} outstanding")
    String outstanding(String amount, String currency);

    @Message("{days} days past due")
    String daysPastDue(Integer days);

    @Message("Shortfall after the liquidation")
    String listShortfall();

    @Message("Since")
    String listSince();

    /** A case's status (OPEN, IN_PLAN, ...): the code itself in English. */
    @Message("{status}")
    String caseStatus(String status);

    // A case

    @Message("Debt of {amount} {currency}")
    String detailTitle(String amount, String currency);

    @Message("← Your debts")
    String backToDebts();

    @Message("You owe {amount} {currency}")
    String youOwe(String amount, String currency);

    @Message("Offer accepted. Your plan is below.")
    String noticeAccepted();

    @Message("Payment received. Thank you.")
    String noticePaid();

    @Message("Your message is sent. An agent answers here.")
    String noticeMessage();

    @Message("Your plan is accepted. It is below.")
    String noticePlan();

    @Message("Your proposal is with the agents: they answer here.")
    String noticeProposed();

    @Message("Your plan")
    String planHeading();

    @Message("Due")
    String columnDue();

    @Message("Amount")
    String columnAmount();

    @Message("Paid")
    String columnPaid();

    @Message("Status")
    String columnStatus();

    /** An installment's status (PENDING, PAID, ...): the code itself in English. */
    @Message("{status}")
    String installmentStatus(String status);

    @Message("Ways to settle")
    String offersHeading();

    /** An offer's kind as a person reads it: SETTLEMENT reads "Settle for less". */
    @Message("{#when kind}{#is 'PAY_IN_FULL'}Pay in full{#is 'SETTLEMENT'}Settle for less"
            + "{#is 'INSTALLMENTS'}Pay in installments{#else}{kind}{/when}")
    String offerKind(String kind);

    /** An offer's terms: "1,000.00 USDT in 3 monthly installments, the first due 2027-01-31." */
    @Message("{amount} {currency}{#if installments && installments > 1} in {installments}{#if frequency} "
            + "{frequency.toLowerCase}{/if} installments{/if}{#if firstDueDate}{#if installments && installments > 1}"
            + ", the first due{#else}, due{/if} {firstDueDate}{/if}.")
    String offerTerms(String amount, String currency, Integer installments, String frequency,
                      LocalDate firstDueDate);

    @Message("Schedule")
    String schedule();

    /** The accept button's name: its offer's kind (as {@link #offerKind} words it) and amount. */
    @Message("Accept: {kind}, {amount} {currency}")
    String acceptOffer(String kind, String amount, String currency);

    @Message("Accept")
    String accept();

    @Message("Propose your own plan")
    String proposeHeading();

    @Message("Monthly installments of all you owe. A plan within our limits starts at once; another goes to an agent, "
            + "who answers here.")
    String proposeIntro();

    @Message("Declined: your plan of {amount} {currency}{#if installments} in {installments} monthly installments{/if}."
            + " {#if reason}The agent says: “{reason}”{/if}")
    String proposalDeclined(String amount, String currency, Integer installments, String reason);

    @Message("Waiting for an agent: your plan of {amount} {currency}{#if installments} in {installments} monthly "
            + "installments{/if}{#if firstDueDate}, the first due {firstDueDate}{/if}.")
    String proposalWaiting(String amount, String currency, Integer installments, LocalDate firstDueDate);

    @Message("Number of monthly installments")
    String installmentsLabel();

    @Message("First installment due on")
    String firstDueDateLabel();

    @Message("Enter a whole number of installments, e.g. 6")
    String installmentsInvalid();

    @Message("Enter a date, e.g. 2027-01-31")
    String firstDueDateInvalid();

    @Message("Enter a number of installments to see the schedule.")
    String askInstallments();

    @Message("The schedule this plan makes:")
    String proposalSchedule();

    @Message("Propose this plan")
    String propose();

    @Message("Pay")
    String payHeading();

    @Message("Amount ({currency})")
    String amountLabel(String currency);

    @Message("Pay now")
    String payNow();

    @Message("Enter an amount, e.g. 250.00")
    String amountInvalid();

    @Message("Your statement, to keep:")
    String statement();

    @Message("You")
    String conversationYou();

    @Message("Questions, or a plan that would work for you? Write to us here.")
    String conversationEmpty();

    @Message("Your message")
    String conversationLabel();

    @Message("Send")
    String conversationSend();

    @Message("Payments")
    String paymentsHeading();

    /** A payment's status (APPLIED, REVERSED): the code itself in English. */
    @Message("{status}")
    String paymentStatus(String status);

    // The conversation (also on the agent's case file)

    @Message("Messages")
    String messagesHeading();

    @Message("Write your message first.")
    String writeFirst();

    // The receipt of the liquidation (also on the agent's case file)

    @Message("How the liquidation came to this")
    String receiptHeading();

    @Message("{asset} sold")
    String receiptSold(String asset);

    @Message("Reference price")
    String receiptReferencePrice();

    @Message("Proceeds of the sale")
    String receiptProceeds();

    @Message("Credited up to the price floor")
    String receiptFloorCredit();

    @Message("Liquidation fee")
    String receiptFee();

    @Message("Your loan's debt")
    String receiptDebt();

    @Message("Covered by the sale")
    String receiptCovered();

    @Message("Shortfall")
    String receiptShortfall();

    @Message("Every fill of the sale ({count})")
    String receiptFills(int count);

    @Message("When")
    String fillWhen();

    @Message("Quantity")
    String fillQuantity();

    @Message("Price")
    String fillPrice();

    @Message("The offer is declined: the agent reads why.")
    String noticeDeclined();

    @Message("Not an offer of this case")
    String counterOfInvalid();

    @Message("Why not? The agent reads this")
    String declineReason();

    @Message("Decline the offer")
    String declineOffer();

    @Message("Propose a plan of your own instead")
    String counterLink();

    @Message("Your answer to the agent's offer of {amount} {currency}: proposing this plan declines it.")
    String counterNote(String amount, String currency);

    /** Said of an offer an agent made, which the debtor may also decline or answer. */
    @Message("From an agent")
    String fromAnAgent();

    @Message("Pledge sent: an agent accepts or declines it, and you read which here.")
    String noticePledged();

    @Message("Secure the debt with collateral")
    String pledgesHeading();

    @Message("Pledge crypto from your reserve: it stays yours while your plan runs and comes back when the debt is "
            + "settled; if the plan breaks, it is sold to pay what you owe.")
    String pledgesIntro();

    @Message("Your reserves hold nothing to pledge: deposit to a reserve on a loan's page first.")
    String noReserve();

    @Message("From the reserve")
    String pledgeAsset();

    @Message("Quantity")
    String pledgeQuantity();

    @Message("Pledge")
    String pledgeButton();

    @Message("Enter a positive quantity, e.g. 0.5")
    String quantityInvalid();

    @Message("{units} {asset} in the reserve")
    String inReserve(String units, String asset);

    @Message("{#when status}{#is 'OFFERED'}sent, waiting for an agent{#is 'ACCEPTED'}accepted: it secures the debt"
            + "{#is 'DECLINED'}declined, back in your reserve{#is 'RELEASED'}given back to your reserve"
            + "{#is 'FORFEITED'}being sold: the plan broke{#is 'SOLD'}sold{#else}{status}{/when}")
    String pledgeStatus(String status);

    @Message("The pledge above secures your debt: one pledge at a time.")
    String oneAtATime();
}
