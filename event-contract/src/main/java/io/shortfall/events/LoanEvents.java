package io.shortfall.events;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code loan.events}, produced by loan-service, keyed by loan id (BorrowerContact by borrower id).
 * Fields worth knowing (a type only ever gains fields): {@code loanVersion}, the loan's version after the
 * change, so projections can ignore stale or repeated events; {@code borrowerId} where a consumer
 * needs to reach the borrower.
 */
public sealed interface LoanEvents extends EventPayload {

    @JsonTypeName("LoanOpened")
    public record LoanOpened(UUID loanId, String borrowerId, String collateralAsset, BigDecimal collateralAmount,
                             BigDecimal principal, String currency, BigDecimal apr, Thresholds thresholds,
                             boolean autoIncrease, Instant openedAt, long loanVersion)
            implements LoanEvents, KeyedByLoan {
    }

    /** How to reach a borrower, from the claims of their token; sent on opening and on change. */
    @JsonTypeName("BorrowerContact")
    public record BorrowerContact(String borrowerId, String email, String name, String locale, String timeZone)
            implements LoanEvents, KeyedByBorrower {
    }

    /** With {@code collateralAsset}, so a notice can say what moved. */
    @JsonTypeName("CollateralAdded")
    public record CollateralAdded(UUID loanId, String borrowerId, String collateralAsset, BigDecimal amount,
                                  String source, BigDecimal collateralAmount, long loanVersion)
            implements LoanEvents, KeyedByLoan {
        public static final String BORROWER = "BORROWER";
        public static final String AUTO_INCREASE = "AUTO_INCREASE";
    }

    /** With {@code collateralAsset}, so a notice can say what the reserve lacks. */
    @JsonTypeName("AutoIncreaseShort")
    public record AutoIncreaseShort(UUID loanId, String borrowerId, String collateralAsset, BigDecimal needed,
                                    BigDecimal available)
            implements LoanEvents, KeyedByLoan {
    }

    @JsonTypeName("LoanRepaid")
    public record LoanRepaid(UUID loanId, String borrowerId, BigDecimal amount, BigDecimal interestPaid,
                             BigDecimal principalPaid, BigDecimal principal, BigDecimal accruedInterest,
                             long loanVersion) implements LoanEvents, KeyedByLoan {
    }

    @JsonTypeName("InterestAccrued")
    public record InterestAccrued(UUID loanId, BigDecimal accruedInterest, LocalDate asOf, long loanVersion)
            implements LoanEvents, KeyedByLoan {
    }

    @JsonTypeName("AutoIncreaseChanged")
    public record AutoIncreaseChanged(UUID loanId, boolean enabled, long loanVersion)
            implements LoanEvents, KeyedByLoan {
    }

    /**
     * The loan is locked; this is the authoritative snapshot the sale works from. Carries the loan's
     * {@code thresholds} so a {@code PARTIAL} sale can aim at the initial LTV and apply
     * the dust rule at liquidation LTV / 0.95 without a second source of truth.
     */
    @JsonTypeName("LiquidationStarted")
    public record LiquidationStarted(UUID loanId, String borrowerId, String collateralAsset,
                                     BigDecimal collateralAmount, BigDecimal principal, BigDecimal accruedInterest,
                                     BigDecimal referencePrice, Instant referencePriceObservedAt, BigDecimal ltv,
                                     String policy, String recourse, Thresholds thresholds, long loanVersion)
            implements LoanEvents, KeyedByLoan {
    }

    /** The loan had recovered at lock time (or could not be locked); it was not handed to the sale. */
    @JsonTypeName("LiquidationDeclined")
    public record LiquidationDeclined(UUID loanId, String reason, BigDecimal ltv, long loanVersion)
            implements LoanEvents, KeyedByLoan {
    }

    /**
     * The borrower's USDT balance moved (keyed by borrower). {@code kind}: {@code SURPLUS} (a liquidation's surplus
     * credited; {@code reference} the liquidation id), {@code WITHDRAWAL} (paid out to the borrower),
     * {@code DEBT_PAYMENT} (sent to a debt case; {@code reference} the case id) or {@code DEBT_PAYMENT_RETURNED}
     * (the case refused it; {@code reference} the payment's entry id) or {@code PLEDGE_SURPLUS} (what the sale of a
     * forfeited pledge raised beyond the debt; {@code reference} the pledge id). {@code amount} is signed; {@code balance} is
     * what the balance holds after it.
     */
    @JsonTypeName("BalanceChanged")
    public record BalanceChanged(String borrowerId, UUID entryId, String kind, BigDecimal amount, BigDecimal balance,
                                 String currency, String reference) implements LoanEvents, KeyedByBorrower {
        public static final String SURPLUS = "SURPLUS";
        public static final String WITHDRAWAL = "WITHDRAWAL";
        public static final String DEBT_PAYMENT = "DEBT_PAYMENT";
        public static final String DEBT_PAYMENT_RETURNED = "DEBT_PAYMENT_RETURNED";
        public static final String PLEDGE_SURPLUS = "PLEDGE_SURPLUS";
    }

    /**
     * A payment from the borrower's USDT balance to their debt case, already taken from the balance (keyed by
     * borrower): debt-collection-service applies it to the case's plan ({@code DebtEvents.BalancePaymentApplied}) or
     * returns it ({@code DebtEvents.BalancePaymentReturned}), and the balance gets it back.
     */
    @JsonTypeName("DebtPaidFromBalance")
    public record DebtPaidFromBalance(UUID paymentId, String borrowerId, UUID caseId, BigDecimal amount,
                                      String currency) implements LoanEvents, KeyedByBorrower {
    }

    /**
     * The borrower pledged {@code quantity} of {@code asset} from their reserve to secure debt case {@code caseId}
     * (keyed by borrower): loan-service took it from the reserve and holds it. debt-collection-service records the
     * offer for an agent ({@code DebtEvents.PledgeAccepted}) or gives it back at once ({@code DebtEvents.PledgeReleased}).
     */
    @JsonTypeName("CollateralPledged")
    public record CollateralPledged(UUID pledgeId, String borrowerId, UUID caseId, String asset, BigDecimal quantity)
            implements LoanEvents, KeyedByBorrower {
    }

    /**
     * A forfeited pledge handed to liquidation-service to be sold (keyed by borrower): the custodian's answer to
     * {@code DebtEvents.PledgeForfeited}, with what it holds and the asset's latest price it knows.
     */
    @JsonTypeName("PledgeSaleRequested")
    public record PledgeSaleRequested(UUID pledgeId, String borrowerId, UUID caseId, String asset, BigDecimal quantity,
                                      BigDecimal referencePrice) implements LoanEvents, KeyedByBorrower {
    }

    @JsonTypeName("LoanClosed")
    public record LoanClosed(UUID loanId, String borrowerId, String reason, BigDecimal collateralReturned,
                             long loanVersion) implements LoanEvents, KeyedByLoan {
        public static final String REPAID = "REPAID";
        public static final String LIQUIDATED = "LIQUIDATED";
    }

    /**
     * Emitted by loan-service when it applies a {@code LiquidationCompleted} of policy {@code PARTIAL}: the
     * collateral and debt left, and the loan unlocked. With {@code borrowerId},
     * {@code liquidationId} and {@code accruedInterest} (the debt is principal plus interest).
     */
    @JsonTypeName("PartiallyLiquidated")
    public record PartiallyLiquidated(UUID loanId, String borrowerId, UUID liquidationId, BigDecimal collateralSold,
                                      BigDecimal debtRepaid, BigDecimal collateralAmount, BigDecimal principal,
                                      BigDecimal accruedInterest, long loanVersion)
            implements LoanEvents, KeyedByLoan {
    }

    /**
     * Every type of {@code loan.events} by its wire name ({@code LoanOpened}: {@code LOAN_OPENED}). A consumer
     * switches over these ({@link EventEnvelope#typeIn}), naming each one: a type added here fails to compile
     * wherever it is not handled.
     */
    enum Type {
        LOAN_OPENED, BORROWER_CONTACT, COLLATERAL_ADDED, AUTO_INCREASE_SHORT, LOAN_REPAID, INTEREST_ACCRUED,
        AUTO_INCREASE_CHANGED, LIQUIDATION_STARTED, LIQUIDATION_DECLINED, BALANCE_CHANGED, DEBT_PAID_FROM_BALANCE,
        COLLATERAL_PLEDGED, PLEDGE_SALE_REQUESTED, LOAN_CLOSED, PARTIALLY_LIQUIDATED
    }
}
