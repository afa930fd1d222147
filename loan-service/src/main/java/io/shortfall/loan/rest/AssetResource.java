package io.shortfall.loan.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.security.Authenticated;
import io.shortfall.events.Thresholds;
import io.shortfall.loan.AssetPrice;
import io.shortfall.loan.repository.PriceRepository;
import io.shortfall.loan.service.Assets;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Path("/api/assets")
@Authenticated
@Tag(name = "Assets", description = "Supported collateral, its thresholds and latest price")
public class AssetResource {

    private final Assets assets;
    private final PriceRepository prices;
    private final Clock clock;

    public AssetResource(Assets assets, PriceRepository prices, Clock clock) {
        this.assets = assets;
        this.prices = prices;
        this.clock = clock;
    }

    public record AssetView(@NotNull String asset, @NotNull int scale, @NotNull Thresholds thresholds,
                            @NotNull String liquidationPolicy, @NotNull String recourse, BigDecimal price, Instant priceObservedAt, Long priceAgeSeconds) {
    }

    @GET
    @WithSession
    @Operation(operationId = "listAssets", summary = "Supported collateral: thresholds, policies, latest price and its age")
    public Uni<List<AssetView>> list() {
        return prices.listAll().map(all -> {
            Map<String, AssetPrice> bySymbol = all.stream().collect(Collectors.toMap(p -> p.asset, Function.identity()));
            return assets.symbols().stream().map(symbol -> {
                var asset = assets.find(symbol).orElseThrow();
                AssetPrice price = bySymbol.get(symbol);
                return new AssetView(symbol, asset.scale(), Assets.shown(asset.initialLtv(), asset.warningLtv(),
                        asset.marginCallLtv(), asset.liquidationLtv()), asset.liquidationPolicy(),
                        asset.recourse(), price == null ? null : price.price,
                        price == null ? null : price.observedAt,
                        price == null ? null : Duration.between(price.observedAt, clock.instant()).toSeconds());
            }).toList();
        });
    }
}
