package io.shortfall.margin.service;

import io.shortfall.margin.Position;

import java.util.ArrayList;
import java.util.List;

/**
 * What one price tick emitted, for the metrics counted once its transaction has committed: the margin calls
 * (asset, repeat or first), the liquidations triggered (asset) and whether the asset's breaker tripped.
 */
public final class TickOutcome {

    public record Call(String asset, boolean repeat) {
    }

    private final String asset;
    private final List<Call> calls = new ArrayList<>();
    private final List<String> triggered = new ArrayList<>();
    private final List<Position> assessed = new ArrayList<>();
    private boolean breakerTripped;

    public TickOutcome(String asset) {
        this.asset = asset;
    }

    void marginCall(String collateralAsset, boolean repeat) {
        calls.add(new Call(collateralAsset, repeat));
    }

    void liquidationTriggered(String collateralAsset) {
        triggered.add(collateralAsset);
    }

    void assessed(Position position) {
        assessed.add(position);
    }

    /** The positions the tick assessed, to refresh in the risk index once committed. */
    public List<Position> assessed() {
        return List.copyOf(assessed);
    }

    void breakerTripped() {
        breakerTripped = true;
    }

    public String asset() {
        return asset;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<String> triggered() {
        return List.copyOf(triggered);
    }

    public boolean isBreakerTripped() {
        return breakerTripped;
    }
}
