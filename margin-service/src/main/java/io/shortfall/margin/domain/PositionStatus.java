package io.shortfall.margin.domain;

/** The loan's lifecycle as margin-service sees it: only an ACTIVE loan is called, topped up or triggered. */
public enum PositionStatus {
    ACTIVE, LIQUIDATING, CLOSED
}
