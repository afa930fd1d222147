package io.shortfall.web.borrower;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import io.shortfall.client.loan.model.LoanView;

/**
 * The words of a borrower's loan pages (the list, one loan, opening a loan, the live part): {@code {loan:...}} in
 * templates, {@code language.messages(LoanMessages.class)} in Java. In English here; in German in
 * {@code messages/loans_de.properties}, which must name every one of them (the build fails on a key that is not here).
 * The codes the services send (a status, a zone, a timeline entry's type) are shown through a message of their own.
 */
@MessageBundle("loans")
public interface LoanMessages {

    // The list

    @Message("Your loans")
    String yourLoans();

    @Message("Open a loan")
    String openALoan();

    @Message("You have no loans yet.")
    String noLoansYet();

    @Message("Open your first loan")
    String openFirst();

    /**
     * What a loan is called: "1 BTC, 39,000.00 USDT borrowed" while open; a closed loan holds no collateral and owes
     * nothing any more, so it is named by its asset and how it ended: "BTC loan, liquidated".
     */
    @Message("{#if loan.open}{loan.getCollateralAmount().units} {loan.collateralAsset}, {loan.getPrincipal().plain} "
            + "{loan.currency} borrowed{#else}{loan.collateralAsset} loan, {loan.endedAs}{/if}")
    String title(LoanView loan);

    /** A loan's status (ACTIVE, LIQUIDATING, LIQUIDATED, REPAID) as a badge. */
    @Message("{#when status}{#is 'ACTIVE'}Active{#is 'LIQUIDATING'}Liquidating{#is 'LIQUIDATED'}Liquidated"
            + "{#is 'REPAID'}Repaid{#else}{status}{/when}")
    String status(String status);

    // The live part and the loan's health

    /** A zone (GREEN, ORANGE, RED) as margin-service decides it; the e2e tests read the codes. */
    @Message("{#if zone}{zone}{#else}No zone yet{/if}")
    String zone(String zone);

    @Message("Loan to value")
    String loanToValue();

    @Message("at {price} {currency}")
    String at(String price, String currency);

    @Message("To get back to a safe LTV: add {collateral} {asset}\n    or repay {repay} {currency}.")
    String fix(String collateral, String asset, String repay, String currency);

    @Message("Owed")
    String owed();

    @Message("Margin call at")
    String marginCallAt();

    @Message("Liquidation at")
    String liquidationAt();

    // One loan

    @Message("Add collateral")
    String addCollateral();

    @Message("Repay")
    String repay();

    @Message("Add to your reserve")
    String addToYourReserve();

    @Message("Add to reserve")
    String addToReserve();

    @Message("Automatic top-up")
    String autoTopUp();

    @Message("When this loan reaches its margin call, Shortfall can move collateral from your {asset} reserve\n"
            + "    into it, enough to bring it back to its initial LTV, before anyone has to wake up.")
    String autoTopUpExplained(String asset);

    /** Whether automatic top-up is on; the e2e tests read "on" and "off". */
    @Message("{#if enabled}on{#else}off{/if}")
    String onOff(Boolean enabled);

    @Message("Your {asset} reserve")
    String yourReserve(String asset);

    @Message("Turn automatic top-up off")
    String turnAutoTopUpOff();

    @Message("Turn automatic top-up on")
    String turnAutoTopUpOn();

    @Message("Interest so far")
    String interestSoFar();

    @Message("APR")
    String apr();

    @Message("Opened")
    String opened();

    @Message("Shortfall after liquidation")
    String shortfallAfterLiquidation();

    @Message("Surplus after liquidation")
    String surplusAfterLiquidation();

    @Message("The sale of your collateral did not cover this loan.")
    String saleDidNotCover();

    @Message("See what you owe and the ways to settle it")
    String seeWhatYouOwe();

    @Message("What happened")
    String whatHappened();

    @Message("Nothing yet.")
    String nothingYet();

    /** A timeline entry's type (LoanOpened, MarginCall, ...); in English the type itself, which the e2e tests read. */
    @Message("{type}")
    String timelineEntry(String type);

    // What was just done, and what was wrong with a form

    @Message("Collateral added.")
    String collateralAdded();

    @Message("Repayment received.")
    String repaymentReceived();

    @Message("Added to your reserve.")
    String addedToReserve();

    @Message("Automatic top-up is on.")
    String autoTopUpIsOn();

    @Message("Automatic top-up is off.")
    String autoTopUpIsOff();

    /** An amount that is not a positive plain decimal; {@code example} is one that is (0.25, 1.5). */
    @Message("Enter a positive amount, e.g. {example}")
    String positiveAmount(String example);

    // Opening a loan

    @Message("Collateral")
    String collateral();

    @Message("{price} per unit")
    String perUnit(String price);

    @Message("no price yet")
    String noPriceYet();

    @Message("Amount of collateral")
    String amountOfCollateral();

    @Message("Amount to borrow")
    String amountToBorrow();

    @Message("Top up collateral from my reserve automatically when a margin call comes")
    String autoTopUpWhenMarginCall();

    /** Followed by the LTV (in bold) and its zone in brackets. */
    @Message("At today's price this loan opens at an LTV of")
    String previewOpensAt();

    @Message("That is above the most a loan may open at: borrow less or pledge more.")
    String previewTooHigh();

    @Message("Enter both amounts to see the loan's LTV at today's price.")
    String previewEnterBoth();

    @Message("Open the loan")
    String openTheLoan();
}
