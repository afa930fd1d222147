package io.shortfall.events;

/** The topics of the contract (event-contract/README.md, asyncapi.yaml). The record key is always the aggregate id named here. */
public final class Topics {
    /** Key: asset. Producers: price feeds and margin-service's operator endpoint. */
    public static final String MARKET_PRICES = "market.prices";
    /** Key: loan id. Producer: loan-service. */
    public static final String LOAN_EVENTS = "loan.events";
    /** Key: loan id (asset for breaker events). Producer: margin-service. */
    public static final String MARGIN_EVENTS = "margin.events";
    /** Key: loan id. Producer: liquidation-service. */
    public static final String LIQUIDATION_EVENTS = "liquidation.events";
    /** Key: case id. Producer: debt-collection-service. */
    public static final String DEBT_EVENTS = "debt.events";
    /** Key: borrower id. Producer: notification-service. */
    public static final String NOTIFICATION_EVENTS = "notification.events";

    public static final java.util.List<String> ALL = java.util.List.of(MARKET_PRICES, LOAN_EVENTS, MARGIN_EVENTS,
            LIQUIDATION_EVENTS, DEBT_EVENTS, NOTIFICATION_EVENTS);

    /** Where a consumer parks a record it cannot process. */
    public static String dlq(String topic) {
        return topic + ".dlq";
    }

    private Topics() {
    }
}
