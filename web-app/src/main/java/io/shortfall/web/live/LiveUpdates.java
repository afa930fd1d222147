package io.shortfall.web.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Loan changes as they happen, handed to the pages of the people they concern. Nothing is kept: a page that was not
 * open when a change happened reads the loan from loan-service when it opens.
 */
@ApplicationScoped
public class LiveUpdates {

    private final BroadcastProcessor<LiveLoan> changes = BroadcastProcessor.create();

    void publish(LiveLoan change) {
        changes.onNext(change);
    }

    /**
     * The changes to one borrower's loans from now on. A page's stream asks for one event at a time while the
     * broadcast does not wait: what the page has not taken yet is buffered (a zone change and its margin call come
     * together). A page that falls {@value #BACKLOG} events behind has its stream ended; the browser reconnects and
     * the page reloads the loan.
     */
    public Multi<LiveLoan> of(String borrowerId) {
        return changes.filter(c -> borrowerId.equals(c.borrowerId()))
                .onOverflow().buffer(BACKLOG)
                .onFailure().recoverWithCompletion();
    }

    static final int BACKLOG = 64;
}
