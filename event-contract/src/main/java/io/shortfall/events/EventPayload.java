package io.shortfall.events;

import java.util.UUID;

/**
 * The payload of one event type: a record of one topic's sealed interface ({@link LoanEvents}, {@link MarginEvents},
 * {@link LiquidationEvents}, {@link DebtEvents}, {@link NotificationEvents}), or a {@link PriceTick}. Its name on the
 * wire is pinned by its {@code @JsonTypeName} (renaming the class changes nothing on the wire), and
 * {@link EventTypes} maps it back. Its key is derived once, by the kind of aggregate it belongs to.
 */
public interface EventPayload {

    /** The aggregate this event belongs to: the Kafka record key. */
    String aggregateId();

    /** The type's name on the wire. */
    default String type() {
        return EventTypes.nameOf(getClass());
    }

    /** An event about one loan, keyed by the loan's id. */
    interface KeyedByLoan extends EventPayload {
        UUID loanId();

        @Override
        default String aggregateId() {
            return loanId().toString();
        }
    }

    /** An event about one debt case, keyed by the case's id. */
    interface KeyedByCase extends EventPayload {
        UUID caseId();

        @Override
        default String aggregateId() {
            return caseId().toString();
        }
    }

    /** An event about a borrower as a whole, keyed by the borrower's id. */
    interface KeyedByBorrower extends EventPayload {
        String borrowerId();

        @Override
        default String aggregateId() {
            return borrowerId();
        }
    }

    /** An event about a collateral asset, keyed by the asset's code. */
    interface KeyedByAsset extends EventPayload {
        String asset();

        @Override
        default String aggregateId() {
            return asset();
        }
    }
}
