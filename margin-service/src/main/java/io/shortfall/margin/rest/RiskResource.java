package io.shortfall.margin.rest;

import io.shortfall.kit.rest.Limits;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Roles;
import io.shortfall.margin.AssetPrice;
import io.shortfall.margin.Breaker;
import io.shortfall.margin.domain.LtvMath;
import io.shortfall.margin.domain.Zone;
import io.shortfall.margin.repository.PriceRepository;
import io.shortfall.margin.domain.PriceKey;
import io.shortfall.margin.repository.PositionRepository;
import io.shortfall.margin.service.Assets;
import io.shortfall.margin.service.Breakers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The book's risk, from the positions table: for operators. */
@Path("/api/risk")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Risk", description = "The risk summary and stress tests")
public class RiskResource {

    /** A move is a fraction of the latest price: above −1 (the price stays positive), at most +10. */
    static final BigDecimal MAX_MOVE = BigDecimal.TEN;

    private final PositionRepository positions;
    private final Assets assets;
    private final PriceRepository prices;
    private final Breakers breakers;

    public RiskResource(PositionRepository positions, Assets assets, PriceRepository prices, Breakers breakers) {
        this.positions = positions;
        this.assets = assets;
        this.prices = prices;
        this.breakers = breakers;
    }

    @GET
    @Path("summary")
    @WithSession
    @Operation(operationId = "getRiskSummary", summary = "Per asset: open loans and debt by zone, latest price and breaker state")
    public Uni<List<RiskViews.AssetRisk>> summary() {
        return prices.listAll().chain(latest -> breakers.all().chain(all -> {
            Map<String, AssetPrice> priceOf = latest.stream().collect(Collectors.toMap(p -> p.asset, Function.identity()));
            Map<String, Breaker> breakerOf = all.stream().collect(Collectors.toMap(b -> b.asset, Function.identity()));
            return Multi.createFrom().iterable(assets.symbols())
                    .onItem().transformToUniAndConcatenate(asset -> positions.byZone(asset).map(zones -> {
                        AssetPrice price = priceOf.get(asset);
                        Breaker breaker = breakerOf.get(asset);
                        return new RiskViews.AssetRisk(asset, price == null ? null : price.price,
                                price == null ? null : price.observedAt, breaker != null && breaker.tripped,
                                RiskViews.loans(zones), RiskViews.debt(zones), RiskViews.buckets(zones));
                    }))
                    .collect().asList();
        }));
    }

    @GET
    @Path("stress")
    @WithSession
    @APIResponse(responseCode = "200", description = "The stressed view of the asset",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RiskViews.Stress.class)))
    @APIResponse(responseCode = "409", description = "No price of the asset yet (`no-price`): nothing to stress")
    @Operation(operationId = "getStressTest", summary = "What a move of an asset's price would do",
            description = "move is a fraction of the latest price (-0.30 for a 30% fall): the loans and debt that "
                    + "would stand in and enter each zone, those that would be liquidated, and the projected "
                    + "shortfall of selling their collateral at that price.")
    public Uni<RiskViews.Stress> stress(@QueryParam("asset") @Size(max = Limits.NAME) String asset, @QueryParam("move") @Size(max = Limits.NAME) String move) {
        if (asset == null || asset.isBlank()) {
            throw Problems.invalid("asset", "query", "required: one of " + String.join(", ", assets.symbols()));
        }
        assets.require(asset, "asset");
        BigDecimal fraction = move(move);
        return prices.findById(asset).chain(latest -> {
            if (latest == null) {
                throw Problems.conflict("no-price", "no price of " + asset + " yet: nothing to move");
            }
            BigDecimal stressed = latest.price.multiply(BigDecimal.ONE.add(fraction))
                    .setScale(LtvMath.PRICE_SCALE, RoundingMode.DOWN);
            if (stressed.signum() <= 0) {
                throw Problems.invalid("move", "query", "moves the price of " + asset + " to zero");
            }
            if (!PriceKey.isUsable(stressed)) {
                throw Problems.invalid("move", "query", "moves the price of " + asset + " above "
                        + PriceKey.MAX_PRICE.toPlainString());
            }
            return positions.stress(asset, PriceKey.of(stressed), stressed).map(s -> new RiskViews.Stress(asset,
                    latest.price, fraction, stressed, RiskViews.loans(s.zones()), RiskViews.debt(s.zones()),
                    RiskViews.buckets(s.zones()), RiskViews.buckets(s.entering()),
                    RiskViews.Bucket.of(s.liquidated()),
                    s.shortfall().setScale(LtvMath.USDT_SCALE, RoundingMode.UP)));
        });
    }

    private static BigDecimal move(String move) {
        if (move == null || move.isBlank()) {
            throw Problems.invalid("move", "query", "required: a fraction of the price such as -0.30");
        }
        BigDecimal fraction;
        try {
            fraction = new BigDecimal(move.trim());
        } catch (NumberFormatException e) {
            throw Problems.invalid("move", "query", "not a decimal: " + move);
        }
        if (fraction.compareTo(BigDecimal.ONE.negate()) <= 0 || fraction.compareTo(MAX_MOVE) > 0) {
            throw Problems.invalid("move", "query", "must be above -1 and at most " + MAX_MOVE);
        }
        if (fraction.stripTrailingZeros().scale() > LtvMath.PRICE_SCALE) {
            throw Problems.invalid("move", "query", "at most " + LtvMath.PRICE_SCALE + " decimals");
        }
        return fraction;
    }
}
