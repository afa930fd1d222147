package io.shortfall.web.live;

import io.shortfall.events.EventJson;
import io.shortfall.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * margin-service's decisions (zone changes, margin calls), read by every web-app instance in a consumer group of its
 * own (each instance serves its own open pages) from the newest record on. A record it cannot read is logged and
 * passed over: the pages then show it at their next load, and the topic is never held up.
 */
@ApplicationScoped
public class MarginEventsListener {

    private static final Logger LOG = Logger.getLogger(MarginEventsListener.class);

    @Inject
    LiveUpdates updates;

    @Incoming("margin-events")
    public void onEvent(String record) {
        try {
            LiveLoan.of(EventJson.read(record)).ifPresent(updates::publish);
        } catch (MalformedEventException e) {
            LOG.warnf("a margin.events record passed over, unreadable: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "a margin.events record passed over");
        }
    }
}
