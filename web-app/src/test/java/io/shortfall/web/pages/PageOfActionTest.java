package io.shortfall.web.pages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageOfActionTest {

    @Test
    void anActionLeadsBackToThePageItsFormIsOn() {
        assertThat(PageOfAction.of("/debts/6f1c/payments")).contains("/debts/6f1c");
        assertThat(PageOfAction.of("/debts/6f1c/offers/99/accept")).contains("/debts/6f1c");
        assertThat(PageOfAction.of("/agent/cases/6f1c/contacts")).contains("/agent/cases/6f1c");
        assertThat(PageOfAction.of("/approvals/12/approve")).contains("/approvals");
        assertThat(PageOfAction.of("/ops/breakers/BTC/reset")).contains("/ops");
        assertThat(PageOfAction.of("/loans/preview")).contains("/loans/new");
        assertThat(PageOfAction.of("/loans/6f1c/repayments")).contains("/loans/6f1c");
        assertThat(PageOfAction.of("/ops/liquidations/6f1c/retry")).contains("/ops/liquidations");
        assertThat(PageOfAction.of("/ops/emails/6f1c/retry")).contains("/ops/emails");
        assertThat(PageOfAction.of("/notifications/6f1c/read")).contains("/notifications");
    }

    @Test
    void aPageIsNotAnAction() {
        assertThat(PageOfAction.of("/debts/6f1c")).isEmpty();
        assertThat(PageOfAction.of("/loans")).isEmpty();
        assertThat(PageOfAction.of("/loans/6f1c")).isEmpty();
        assertThat(PageOfAction.of("/agent")).isEmpty();
    }
}
