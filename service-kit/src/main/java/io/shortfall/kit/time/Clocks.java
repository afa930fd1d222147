package io.shortfall.kit.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock of a service, UTC; tests replace it with a bean of their own to move time. */
@Singleton
public class Clocks {
    @Produces
    @DefaultBean
    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }
}
