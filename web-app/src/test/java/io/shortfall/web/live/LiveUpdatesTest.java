package io.shortfall.web.live;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LiveUpdatesTest {

    private static LiveLoan change(String borrower, String zone) {
        return new LiveLoan(UUID.randomUUID(), borrower, "BTC", zone, new BigDecimal("0.8"), new BigDecimal("37000"),
                null, null);
    }

    @Test
    void aPageGetsItsBorrowersChangesInOrderEvenWhenTheyComeFasterThanItTakesThem() {
        LiveUpdates updates = new LiveUpdates();
        AssertSubscriber<LiveLoan> page = updates.of("alice").subscribe().withSubscriber(AssertSubscriber.create(1));
        LiveLoan orange = change("alice", "ORANGE");
        LiveLoan red = change("alice", "RED");
        updates.publish(orange);
        updates.publish(change("bob", "RED"));
        updates.publish(red);
        page.request(5);
        assertThat(page.getItems()).containsExactly(orange, red);
        page.assertNotTerminated();
    }

    @Test
    void aPageTooFarBehindHasItsStreamEndedToReconnect() {
        LiveUpdates updates = new LiveUpdates();
        AssertSubscriber<LiveLoan> page = updates.of("alice").subscribe().withSubscriber(AssertSubscriber.create(0));
        for (int i = 0; i <= LiveUpdates.BACKLOG; i++) {
            updates.publish(change("alice", "RED"));
        }
        page.request(LiveUpdates.BACKLOG + 1);
        page.assertCompleted();
    }
}
