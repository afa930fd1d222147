package io.shortfall.liquidation.domain;

/**
 * {@code QUEUED}: waiting under the asset's cap on debt in liquidation; {@code SELLING}: slices at the venue;
 * {@code COMPLETED}: settled, the receipt is final; {@code STUCK}: the venue kept failing, an operator looks at it
 * (and may retry it: back to SELLING, under the same client order ids).
 */
public enum LiquidationStatus {
    QUEUED, SELLING, COMPLETED, STUCK
}
