package io.shortfall.margin.repository;

import io.shortfall.margin.AssetPrice;
import io.shortfall.margin.Position;
import io.shortfall.margin.domain.PositionStatus;
import io.shortfall.margin.domain.Zone;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The reads and writes of a batch of decisions ({@code AssetWatch}), on one connection and inside the transaction
 * the caller holds on it, without Hibernate: the batch is read with one statement, and all its positions are
 * written back with one ({@code update … from unnest(…)}), however many there are. The locks are those of
 * {@link PriceRepository}: the price row shared; and the positions due are locked for update,
 * skipping those another transaction holds.
 */
@ApplicationScoped
public class DecisionBatchStore {

    /** The latest price of {@code asset}, shared (no tick of it commits before this transaction); null if none. */
    public Uni<AssetPrice> sharedPrice(SqlConnection connection, String asset) {
        return connection.preparedQuery("select price, source, observed_at from asset_price where asset = $1 for share")
                .execute(Tuple.of(asset))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    AssetPrice price = new AssetPrice();
                    price.asset = asset;
                    price.price = row.getBigDecimal("price");
                    price.source = row.getString("source");
                    price.observedAt = instant(row, "observed_at");
                    return price;
                });
    }

    /** Is the breaker of {@code asset} tripped? */
    public Uni<Boolean> tripped(SqlConnection connection, String asset) {
        return connection.preparedQuery("select tripped from breaker where asset = $1")
                .execute(Tuple.of(asset))
                .map(rows -> rows.size() > 0 && Boolean.TRUE.equals(rows.iterator().next().getBoolean("tripped")));
    }

    /**
     * Up to {@code limit} open positions of {@code asset} that the price key {@code p} or the clock at {@code now}
     * has reached ({@code MarginEngine.Keys}), plus, when {@code release} (a fresh price, the breaker closed), the held
     * ones at or above their liquidation LTV at {@code p} held at an older price than the one observed at
     * {@code observedAt}; locked, skipping those another transaction holds (another replica deciding them, a loan
     * event changing them: either decides them itself). Plain objects: no session manages them.
     */
    public Uni<List<Position>> due(SqlConnection connection, String asset, long p, Instant observedAt, Instant now,
                                   boolean release, int limit) {
        return connection.preparedQuery("""
                        select * from position
                        where collateral_asset = $1
                          and (falls_at >= $2 or rises_at <= $2 or call_due_at <= $3
                               or ($4 and trigger_held and liquidation_at >= $2
                                   and (held_through is null or held_through < $5)))
                        limit $6
                        for update skip locked""")
                .execute(Tuple.tuple().addString(asset).addLong(p).addOffsetDateTime(utc(now)).addBoolean(release)
                        .addOffsetDateTime(utc(observedAt)).addInteger(limit))
                .map(DecisionBatchStore::positions);
    }

    /**
     * Writes back what deciding changed in {@code decided} (zone, margin calls, trigger, hold, boundaries, keys), each
     * row's version moved on: one statement.
     */
    public Uni<Void> save(SqlConnection connection, List<Position> decided) {
        if (decided.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = decided.size();
        UUID[] ids = new UUID[n];
        String[] zones = new String[n];
        Boolean[] triggered = new Boolean[n];
        OffsetDateTime[] triggeredAt = new OffsetDateTime[n];
        OffsetDateTime[] lastCall = new OffsetDateTime[n];
        Integer[] repeat = new Integer[n];
        Long[][] keys = new Long[7][n];
        OffsetDateTime[] callDue = new OffsetDateTime[n];
        Boolean[] held = new Boolean[n];
        OffsetDateTime[] heldThrough = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Position position = decided.get(i);
            ids[i] = position.loanId;
            zones[i] = position.zone.name();
            triggered[i] = position.triggered;
            triggeredAt[i] = utc(position.triggeredAt);
            lastCall[i] = utc(position.lastMarginCallAt);
            repeat[i] = position.marginCallRepeat;
            keys[0][i] = position.orangeAt;
            keys[1][i] = position.redAt;
            keys[2][i] = position.liquidationAt;
            keys[3][i] = position.orangeReleasedAt;
            keys[4][i] = position.redReleasedAt;
            keys[5][i] = position.fallsAt;
            keys[6][i] = position.risesAt;
            callDue[i] = utc(position.callDueAt);
            held[i] = position.triggerHeld;
            heldThrough[i] = utc(position.heldThrough);
        }
        Tuple values = Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(zones).addArrayOfBoolean(triggered)
                .addArrayOfOffsetDateTime(triggeredAt).addArrayOfOffsetDateTime(lastCall).addArrayOfInteger(repeat);
        for (Long[] key : keys) {
            values.addArrayOfLong(key);
        }
        values.addArrayOfOffsetDateTime(callDue).addArrayOfBoolean(held).addArrayOfOffsetDateTime(heldThrough);
        return connection.preparedQuery("""
                        update position p set zone = u.zone, triggered = u.triggered, triggered_at = u.triggered_at,
                            last_margin_call_at = u.last_call, margin_call_repeat = u.repeat,
                            orange_at = u.orange_at, red_at = u.red_at, liquidation_at = u.liquidation_at,
                            orange_released_at = u.orange_released_at, red_released_at = u.red_released_at,
                            falls_at = u.falls_at, rises_at = u.rises_at, call_due_at = u.call_due_at,
                            trigger_held = u.held, held_through = u.held_through, version = p.version + 1
                        from unnest($1::uuid[], $2::text[], $3::boolean[], $4::timestamptz[], $5::timestamptz[],
                                    $6::int[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[],
                                    $12::bigint[], $13::bigint[], $14::timestamptz[], $15::boolean[],
                                    $16::timestamptz[])
                             as u(loan_id, zone, triggered, triggered_at, last_call, repeat, orange_at, red_at,
                                  liquidation_at, orange_released_at, red_released_at, falls_at, rises_at, call_due_at,
                                  held, held_through)
                        where p.loan_id = u.loan_id""")
                .execute(values)
                .replaceWithVoid();
    }

    /** {@link PriceRepository#decidedThrough}, on this connection. */
    public Uni<Void> decidedThrough(SqlConnection connection, String asset, Instant through, Instant now) {
        return connection.preparedQuery("""
                        insert into asset_decided (asset, through, decided_at) values ($1, $2, $3)
                        on conflict (asset) do update set through = excluded.through, decided_at = excluded.decided_at
                        where asset_decided.through < excluded.through""")
                .execute(Tuple.of(asset, utc(through), utc(now)))
                .replaceWithVoid();
    }

    private static List<Position> positions(RowSet<Row> rows) {
        List<Position> positions = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Position p = new Position();
            p.loanId = row.getUUID("loan_id");
            p.borrowerId = row.getString("borrower_id");
            p.collateralAsset = row.getString("collateral_asset");
            p.collateralAmount = row.getBigDecimal("collateral_amount");
            p.principal = row.getBigDecimal("principal");
            p.accruedInterest = row.getBigDecimal("accrued_interest");
            p.initialLtv = row.getBigDecimal("initial_ltv");
            p.warningLtv = row.getBigDecimal("warning_ltv");
            p.marginCallLtv = row.getBigDecimal("margin_call_ltv");
            p.liquidationLtv = row.getBigDecimal("liquidation_ltv");
            p.autoIncrease = row.getBoolean("auto_increase");
            p.status = PositionStatus.valueOf(row.getString("status"));
            p.zone = Zone.valueOf(row.getString("zone"));
            p.triggered = row.getBoolean("triggered");
            p.triggeredAt = instant(row, "triggered_at");
            p.lastMarginCallAt = instant(row, "last_margin_call_at");
            p.marginCallRepeat = row.getInteger("margin_call_repeat");
            p.loanVersion = row.getLong("loan_version");
            p.version = row.getLong("version");
            p.orangeAt = row.getLong("orange_at");
            p.redAt = row.getLong("red_at");
            p.liquidationAt = row.getLong("liquidation_at");
            p.orangeReleasedAt = row.getLong("orange_released_at");
            p.redReleasedAt = row.getLong("red_released_at");
            p.fallsAt = row.getLong("falls_at");
            p.risesAt = row.getLong("rises_at");
            p.callDueAt = instant(row, "call_due_at");
            p.triggerHeld = row.getBoolean("trigger_held");
            p.heldThrough = instant(row, "held_through");
            positions.add(p);
        }
        return positions;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
