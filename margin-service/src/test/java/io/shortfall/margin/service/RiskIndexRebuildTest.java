package io.shortfall.margin.service;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.margin.LoanService;
import io.shortfall.margin.config.MarginConfig;
import io.shortfall.margin.repository.PositionRepository;
import io.shortfall.margin.risk.PositionState;
import io.shortfall.margin.risk.RiskBook;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static io.shortfall.margin.LoanService.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a restart does: a risk index rebuilt from the position table holds exactly what the live index, which
 * followed every committed change, holds.
 */
@QuarkusTest
class RiskIndexRebuildTest {

    @Inject
    RiskIndex live;
    @Inject
    PositionRepository positions;
    @Inject
    Assets assets;
    @Inject
    MarginConfig config;

    private final LoanService loans = new LoanService();

    private static List<PositionState> sorted(List<PositionState> states) {
        return states.stream().sorted(Comparator.comparing(PositionState::loanId)).toList();
    }

    @Test
    void anIndexRebuiltFromTheTableHoldsWhatTheLiveOneHolds() throws Throwable {
        UUID loan = loans.opens("judy", "XLM", "10", "65.00", false);          // sentinel asset: 0.65 at 10
        loans.tickApplied("XLM", "8.5", Instant.now());                         // 0.7647: ORANGE

        await().atMost(PATIENCE).untilAsserted(() -> {
            RiskIndex rebuilt = new RiskIndex(positions, assets, config);
            rebuilt.pageSize = 2;                                               // several pages
            rebuilt.rebuild(null);
            assertThat(rebuilt.isLoaded()).isTrue();
            for (String asset : assets.symbols()) {
                assertThat(sorted(rebuilt.read(asset, RiskBook::states)))
                        .as("positions of %s", asset)
                        .usingRecursiveFieldByFieldElementComparator(org.assertj.core.api.recursive.comparison
                                .RecursiveComparisonConfiguration.builder()
                                .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                                .build())
                        .isEqualTo(sorted(live.read(asset, RiskBook::states)));
            }
            assertThat(rebuilt.read("XLM", book -> book.state(loan)).zone()).hasToString("ORANGE");
            assertThat(rebuilt.read("XLM", RiskBook::size)).isPositive();
        });
    }
}
