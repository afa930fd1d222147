package io.shortfall.margin.service;

import io.shortfall.kit.rest.Problems;
import io.shortfall.margin.config.MarginConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.SortedSet;
import java.util.TreeSet;

/** The collateral assets margin-service watches (configuration {@code shortfall.assets.<ASSET>.*}). */
@ApplicationScoped
public class Assets {

    private final MarginConfig config;

    public Assets(MarginConfig config) {
        this.config = config;
    }

    public SortedSet<String> symbols() {
        return new TreeSet<>(config.assets().keySet());
    }

    public boolean isKnown(String symbol) {
        return symbol != null && config.assets().containsKey(symbol);
    }

    /** Decimals of the asset's amounts; 8 for an asset no longer configured. */
    public int scaleOf(String symbol) {
        MarginConfig.Asset asset = symbol == null ? null : config.assets().get(symbol);
        return asset == null ? 8 : asset.scale();
    }

    /** A 400 naming {@code field} and the supported symbols unless {@code symbol} is one. */
    public void require(String symbol, String field) {
        if (!isKnown(symbol)) {
            throw Problems.invalid(field, "unsupported asset " + symbol + "; supported: " + String.join(", ", symbols()));
        }
    }
}
