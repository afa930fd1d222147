package io.shortfall.margin.service;

import java.util.ArrayList;
import java.util.List;

/**
 * What a transaction of margin-service emitted, for the metrics counted once it has committed: the margin calls
 * (asset, repeat or first), the liquidations triggered (asset), the breakers tripped (asset), and the assets whose
 * positions must now be decided at their latest price (a tick, a breaker lifted).
 */
public final class MarginOutcome {

    public record Call(String asset, boolean repeat) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final List<String> triggered = new ArrayList<>();
    private final List<String> breakersTripped = new ArrayList<>();
    private final List<String> toDecide = new ArrayList<>();
    private int decided;

    void marginCall(String asset, boolean repeat) {
        calls.add(new Call(asset, repeat));
    }

    void liquidationTriggered(String asset) {
        triggered.add(asset);
    }

    void breakerTripped(String asset) {
        breakersTripped.add(asset);
    }

    void decided() {
        decided++;
    }

    /** The asset's positions are to be decided at its (new) latest price once this commits. */
    void decideAt(String asset) {
        if (!toDecide.contains(asset)) {
            toDecide.add(asset);
        }
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<String> triggered() {
        return List.copyOf(triggered);
    }

    public List<String> breakersTripped() {
        return List.copyOf(breakersTripped);
    }

    public List<String> toDecide() {
        return List.copyOf(toDecide);
    }

    /** How many positions were decided. */
    public int decidedCount() {
        return decided;
    }
}
