package io.shortfall.liquidation.domain;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LiquidationIdsTest {

    @Test
    void oneSnapshotAlwaysGetsTheSameIdAndAnotherVersionAnother() {
        UUID loan = UUID.randomUUID();
        assertThat(LiquidationIds.of(loan, 3)).isEqualTo(LiquidationIds.of(loan, 3))
                .isNotEqualTo(LiquidationIds.of(loan, 4))
                .isNotEqualTo(LiquidationIds.of(UUID.randomUUID(), 3));
        UUID id = LiquidationIds.of(loan, 3);
        assertThat(LiquidationIds.clientOrderId(id, 2)).isEqualTo(id + "-2");
    }
}
