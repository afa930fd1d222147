package io.shortfall.web.agent;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import java.time.LocalDate;

/**
 * The words of the agent console (the queue and the case file) and of the supervisors' approvals: {@code {agent:...}}
 * in templates, {@code language.messages(AgentMessages.class)} in Java. In English here; in German in
 * {@code messages/agent_de.properties}, which must name every one of them.
 *
 * <p>The services' codes (a case's status, an offer's, a contact's channel...) read as they come in English, as the
 * agents know them; the German file gives each a label, and any code it does not know reads as it comes.
 */
@MessageBundle("agent")
public interface AgentMessages {

    // The services' codes

    /** A case's status: OPEN, NEGOTIATING, IN_PLAN, DELINQUENT, BROKEN, DISPUTED, HARDSHIP, ESCALATED, SETTLED... */
    @Message("{status}")
    String caseStatus(String status);

    /** An offer's status: OPEN, ACCEPTED, REJECTED, AWAITING_APPROVAL, WITHDRAWN, EXPIRED. */
    @Message("{status}")
    String offerStatus(String status);

    /** Who made an offer: SYSTEM (the self-serve ladder), DEBTOR or AGENT. */
    @Message("{by}")
    String offerBy(String by);

    /** An offer's kind as a person reads it (as the debtor's page says it): SETTLEMENT reads "Settle for less". */
    @Message("{#when kind}{#is 'PAY_IN_FULL'}Pay in full{#is 'SETTLEMENT'}Settle for less"
            + "{#is 'INSTALLMENTS'}Pay in installments{#else}{kind}{/when}")
    String offerKind(String kind);

    /** A promise to pay's status: OPEN, KEPT, PARTIAL, BROKEN. */
    @Message("{status}")
    String promiseStatus(String status);

    /** A contact's channel: PHONE, EMAIL, SMS, LETTER, CHAT, IN_PERSON. */
    @Message("{channel}")
    String channel(String channel);

    /** What waits for a supervisor: SETTLEMENT or WRITE_OFF. */
    @Message("{kind}")
    String approvalKind(String kind);

    // The queue

    @Message("Case queue")
    String queueTitle();

    @Message("Filter the queue")
    String filterQueue();

    @Message("Days past due")
    String daysPastDueLabel();

    @Message("Any")
    String anyBucket();

    @Message("Status")
    String status();

    @Message("Any open")
    String anyOpen();

    @Message("Assigned to me")
    String assignedToMe();

    @Message("Filter")
    String filter();

    @Message("No case matches.")
    String noCaseMatches();

    @Message("Cases, the most urgent first")
    String queueCaption();

    @Message("Case")
    String caseColumn();

    @Message("Outstanding")
    String outstanding();

    @Message("Assignee")
    String assignee();

    /** Under a case's id in the queue: whose debt it is, and since when (a time as the page writes it). */
    @Message("debtor {debtor}, since {since}")
    String debtorSince(String debtor, String since);

    /** The case assigned to the one who reads it. */
    @Message("you")
    String you();

    // The case file

    @Message("Case {id}")
    String caseTitle(String id);

    @Message("← Case queue")
    String backToQueue();

    /** The case file's heading; {@code outstanding}, the amount as the page writes it. */
    @Message("Case {id}: {outstanding} {currency} owed")
    String caseHeading(String id, String outstanding, String currency);

    @Message("{days} days past due")
    String daysPastDue(Integer days);

    /** Followed by who the case is assigned to ({@link #you()}, an id or {@link #nobody()}) and a full stop. */
    @Message("Debtor {debtor}. Assigned to")
    String debtorAssignedTo(String debtor);

    @Message("nobody")
    String nobody();

    @Message("Take this case")
    String takeCase();

    @Message("Offers")
    String offers();

    @Message("None yet.")
    String noneYet();

    @Message("By")
    String by();

    @Message("Kind")
    String kind();

    @Message("Amount")
    String amount();

    /** An offer's number of installments, after its kind. */
    @Message("{count} payments")
    String payments(Integer count);

    /** A plan the debtor proposed, waiting for an answer; {@code amount}, as the page writes it. */
    @Message("The debtor proposes {amount} {currency}{#if installments && installments > 1} in {installments} payments"
            + "{/if}{#if firstDue}, the first due {firstDue}{/if}")
    String debtorProposes(String amount, String currency, Integer installments, LocalDate firstDue);

    @Message("Accept the debtor's plan")
    String acceptPlan();

    @Message("Why not (required; the debtor reads it)")
    String declineReason();

    @Message("Decline the debtor's plan")
    String declinePlan();

    @Message("Answer it with an offer of your own")
    String counterLink();

    @Message("Counter the debtor's plan")
    String counterHeading();

    @Message("Make an offer")
    String makeOfferHeading();

    @Message("Amount ({currency})")
    String amountIn(String currency);

    @Message("Installments (for a plan)")
    String installmentsLabel();

    @Message("First payment due")
    String firstPaymentDue();

    @Message("Note to the debtor")
    String noteToDebtor();

    @Message("Make the offer")
    String makeOffer();

    @Message("Contacts")
    String contacts();

    @Message("No contact logged.")
    String noContact();

    @Message("Log a contact")
    String logContactHeading();

    @Message("Channel")
    String channelLabel();

    @Message("Outcome (required)")
    String outcomeLabel();

    @Message("e.g. REACHED, NO_ANSWER")
    String outcomeExample();

    @Message("Note")
    String note();

    @Message("Log the contact")
    String logContact();

    @Message("Promises to pay")
    String promises();

    @Message("None recorded.")
    String noneRecorded();

    @Message("Due")
    String due();

    @Message("Paid")
    String paid();

    @Message("Record a promise")
    String recordPromiseHeading();

    @Message("Due on")
    String dueOn();

    @Message("Record the promise")
    String recordPromise();

    @Message("Hold")
    String hold();

    /** The case's hold: HARDSHIP or DISPUTED. */
    @Message("On hold: {hold}. Ageing and reminders are paused.")
    String onHold(String hold);

    @Message("Lift the hold")
    String liftHold();

    @Message("Why")
    String why();

    @Message("The debtor is in hardship")
    String holdHardship();

    @Message("The debtor disputes the debt")
    String holdDisputed();

    @Message("Reason (required)")
    String reasonRequired();

    @Message("Put on hold")
    String putOnHold();

    @Message("Write-off")
    String writeOff();

    @Message("A supervisor other than you decides it.")
    String writeOffDecidedBy();

    @Message("Request a write-off")
    String requestWriteOff();

    /** The conversation with the debtor, on the case file: who wrote each message, and its form. */
    @Message("Debtor")
    String conversationDebtor();

    @Message("Staff")
    String conversationStaff();

    @Message("The debtor has not written.")
    String conversationEmpty();

    @Message("Reply to the debtor")
    String conversationLabel();

    @Message("Send the reply")
    String conversationButton();

    // What the case file says after an action (?done=...)

    @Message("The case is yours.")
    String noticeAssigned();

    @Message("Contact logged.")
    String noticeContact();

    @Message("Offer made: the debtor sees it now.")
    String noticeOffer();

    @Message("Reply sent: the debtor reads it on their case page.")
    String noticeReplied();

    @Message("Promise recorded: payments are matched against it.")
    String noticePromise();

    @Message("The case is on hold: ageing and reminders pause until the hold is lifted.")
    String noticeHeld();

    @Message("Hold lifted.")
    String noticeReleased();

    @Message("Write-off requested: a supervisor decides it.")
    String noticeWriteOff();

    @Message("The debtor's plan is accepted: it starts now.")
    String noticeAccepted();

    @Message("The debtor's plan is declined: they read why on their case page.")
    String noticeDeclined();

    @Message("Offer recorded. It goes beyond your discount limit: the debtor sees it once a supervisor approves it.")
    String noticeOfferAwaiting();

    // The case file's forms, their fields unreadable

    @Message("Enter an amount, e.g. 2500.00")
    String offerAmountInvalid();

    @Message("Enter a whole number of installments")
    String installmentsInvalid();

    @Message("Enter a date, e.g. 2027-01-31")
    String dateInvalid();

    @Message("Not an offer of this case")
    String counterOfInvalid();

    @Message("Enter an amount, e.g. 500.00")
    String promiseAmountInvalid();

    // The approvals

    @Message("Approvals")
    String approvalsTitle();

    @Message("Waiting for approval")
    String approvalsHeading();

    @Message("Nothing waits for a decision.")
    String nothingWaits();

    /** Who asked for it and when (a time as the page writes it); the reason, if any, follows. */
    @Message("Asked by {by} on {at}")
    String askedBy(String by, String at);

    @Message("The case")
    String theCase();

    @Message("Your own request: another supervisor decides it.")
    String ownRequest();

    /** The approve button's name for a screen reader: what it approves ({@code kind}, SETTLEMENT or WRITE_OFF). */
    @Message("Approve the {kind} asked by {by}")
    String approveLabel(String kind, String by);

    @Message("Approve")
    String approve();

    @Message("Reject the {kind} asked by {by}")
    String rejectLabel(String kind, String by);

    @Message("Reject")
    String reject();

    @Message("Approved. The debtor sees the offer now.")
    String noticeApproved();

    @Message("Rejected. The debtor never sees it.")
    String noticeRejected();

    /** A supervisor deciding their own request: debt-collection refuses it. */
    @Message("You made this request: another supervisor decides it.")
    String makerChecker();

    /** The case's one timeline: everything that happened to it, oldest first, as debt-collection-service words it. */
    @Message("Timeline")
    String timeline();

    @Message("the debtor")
    String theDebtor();

    @Message("The payment is reversed; the plan's other payments are applied again in order.")
    String noticeReversed();

    @Message("The pledge is accepted: it secures the case until it is settled.")
    String noticePledgeAccepted();

    @Message("The pledge is declined: it goes back to the debtor's reserve, and they read why.")
    String noticePledgeDeclined();

    @Message("The case is passed on.")
    String noticeEscalated();

    @Message("The case is taken back: it has the status it had before.")
    String noticeRecalled();

    @Message("Payments")
    String paymentsHeading();

    @Message("No payment yet.")
    String noPayment();

    @Message("Received")
    String received();

    @Message("Reversal")
    String reversal();

    @Message("applied")
    String paymentApplied();

    @Message("reversed")
    String paymentReversed();

    @Message("Why reverse it (required)")
    String reversalReason();

    @Message("Reverse")
    String reverse();

    @Message("Pledged collateral")
    String pledges();

    @Message("The debtor has pledged nothing.")
    String noPledge();

    @Message("Accept the pledge")
    String acceptPledge();

    @Message("Why not (required; the debtor reads it)")
    String declinePledgeReason();

    @Message("Decline the pledge")
    String declinePledge();

    @Message("Passing the case on")
    String escalationHeading();

    @Message("A case in default may be passed to an external collection agency; a supervisor may send it to legal "
            + "proceedings.")
    String escalationRules();

    @Message("To")
    String stageLabel();

    @Message("an external collection agency")
    String stageExternal();

    @Message("legal proceedings")
    String stageLegal();

    @Message("Pass the case on")
    String escalate();

    @Message("Take the case back")
    String recall();

    @Message("A supervisor may take it back.")
    String recallBySupervisor();

    @Message("{units} {asset}")
    String pledgeOf(String units, String asset);

    @Message("{#when status}{#is 'OFFERED'}offered, waiting for an answer{#is 'ACCEPTED'}accepted: it secures the case"
            + "{#is 'DECLINED'}declined{#is 'RELEASED'}given back{#is 'FORFEITED'}forfeited: being sold{#is 'SOLD'}sold"
            + "{#else}{status}{/when}")
    String pledgeStatus(String status);

    @Message("Passed to an external collection agency on {at} by {by}.")
    String escalatedExternal(String at, String by);

    @Message("Sent to legal proceedings on {at} by {by}.")
    String escalatedLegal(String at, String by);
}
