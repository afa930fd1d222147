package io.shortfall.margin.risk;

import io.shortfall.events.Thresholds;
import io.shortfall.margin.domain.LtvMath;
import io.shortfall.margin.domain.MarginAssessor;
import io.shortfall.margin.domain.MarginCallTerms;
import io.shortfall.margin.domain.PositionStatus;
import io.shortfall.margin.domain.Zone;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The open positions of one collateral asset, indexed by the price at which each would cross its next
 * boundary, so that a tick costs in proportion to the loans it concerns, not to all loans.
 *
 * <p>Each position keeps, as prices with 8 decimals in a {@code long}, the exact thresholds of its rules: the
 * highest price at which it is ORANGE, RED and to be liquidated ({@code debt / (LTV × collateral)} rounded
 * down: a tick price {@code p} with at most 8 decimals reaches the LTV exactly when {@code p ≤} it), and the
 * lowest prices at which it is released from ORANGE and from RED with the hysteresis (rounded up). Three
 * min-heaps index the positions: by the price below which something happens to it when the price falls (the
 * next worse zone, or its liquidation if it may be triggered), by the price above which it is released when the
 * price rises, and, for ACTIVE loans in RED, by the time its margin call is next due. A tick that concerns no
 * loan reads the top of three heaps; a tick that concerns {@code k} loans walks those {@code k} entries and
 * re-keys them in O(k log n). Every loan the tick concerns is then decided by the same rules as
 * {@link MarginAssessor}, in integer arithmetic that is exact for prices with at most 8 decimals; any other
 * price (more decimals, or above {@code Long.MAX_VALUE / 10^8}) is evaluated by the assessor itself on every
 * position.
 *
 * <p>Storage is columnar (primitive arrays), about 130 bytes a position. Not thread-safe: one writer at a time.
 */
public final class RiskBook {

    static final int PRICE_SCALE = LtvMath.PRICE_SCALE;
    private static final long ALWAYS_BELOW = Long.MAX_VALUE;   // "p <= key" holds for every usable price
    private static final long NEVER_BELOW = Long.MIN_VALUE;    // "p <= key" never holds
    private static final long NEVER_ABOVE = Long.MAX_VALUE;    // "p >= key" never holds
    private static final long ALWAYS_ABOVE = Long.MIN_VALUE;   // "p >= key" holds for every usable price
    private static final long NO_CALL = Long.MIN_VALUE;
    private static final Zone[] ZONES = Zone.values();
    private static final PositionStatus[] STATUSES = PositionStatus.values();

    private final String asset;
    private final int assetScale;
    private final RiskRules rules;
    private final MarginAssessor assessor;
    private final long repeatNanos;

    private int size;
    private long[] idHi;
    private long[] idLo;
    private int[] version;
    private long[] debt;
    private byte[] debtScale;
    private long[] collateral;
    private byte[] collateralScale;
    private char[] thresholdsId;
    /** zone (bits 0-1), status (bits 2-3), triggered (bit 4), auto increase (bit 5). */
    private byte[] flags;
    private long[] lastCallAt;
    private int[] callRepeat;
    private long[] orangeAt;
    private long[] redAt;
    private long[] liquidationAt;
    private long[] orangeReleasedAt;
    private long[] redReleasedAt;

    /** Open addressing, linear probing: slot + 1, 0 when empty. */
    private int[] table;

    private final IndexedHeap falling;   // key: ~(highest price at which a falling price does something)
    private final IndexedHeap rising;    // key: lowest price at which a rising price releases it
    private final IndexedHeap due;       // key: when its margin call is next due (epoch nanos)

    private final List<ThresholdRow> thresholdRows = new ArrayList<>();
    private final Map<String, Integer> thresholdIds = new HashMap<>();
    private final IntBuffer work = new IntBuffer();

    private record ThresholdRow(Thresholds thresholds, BigDecimal warningRelease, BigDecimal marginCallRelease) {
    }

    public RiskBook(String asset, int assetScale, RiskRules rules, int expectedPositions) {
        this.asset = asset;
        this.assetScale = assetScale;
        this.rules = rules;
        this.assessor = rules.assessor();
        this.repeatNanos = rules.marginCallRepeat().toNanos();
        int capacity = Math.max(expectedPositions, 16);
        allocate(capacity);
        table = new int[tableSizeFor(capacity)];
        falling = new IndexedHeap(capacity);
        rising = new IndexedHeap(16);
        due = new IndexedHeap(16);
    }

    public String asset() {
        return asset;
    }

    public int size() {
        return size;
    }

    // ---------------------------------------------------------------- positions

    /**
     * Adds or replaces a position. A CLOSED one, or one without collateral, leaves the book. An update older
     * than the one held ({@code version} lower) changes nothing.
     */
    public void upsert(PositionState state) {
        int slot = find(state.loanId());
        if (slot >= 0 && state.version() < version[slot]) {
            return;
        }
        if (state.status() == PositionStatus.CLOSED || state.collateral().signum() <= 0) {
            if (slot >= 0) {
                removeSlot(slot);
            }
            return;
        }
        if (slot < 0) {
            if (size == idHi.length) {
                grow(size + (size >> 1) + 1);
            }
            slot = size++;
            idHi[slot] = state.loanId().getMostSignificantBits();
            idLo[slot] = state.loanId().getLeastSignificantBits();
            insertId(slot);
        }
        version[slot] = (int) state.version();
        debt[slot] = unscaled(state.debt(), "debt");
        debtScale[slot] = (byte) state.debt().scale();
        collateral[slot] = unscaled(state.collateral(), "collateral");
        collateralScale[slot] = (byte) state.collateral().scale();
        thresholdsId[slot] = (char) thresholdsIdOf(state.thresholds());
        flags[slot] = flags(state.zone(), state.status(), state.triggered(), state.autoIncrease());
        lastCallAt[slot] = state.lastMarginCallAt() == null ? NO_CALL : nanos(state.lastMarginCallAt());
        callRepeat[slot] = state.marginCallRepeat();
        computeBoundaries(slot);
        rekey(slot);
    }

    public void remove(UUID loanId) {
        int slot = find(loanId);
        if (slot >= 0) {
            removeSlot(slot);
        }
    }

    public boolean contains(UUID loanId) {
        return find(loanId) >= 0;
    }

    /** The position as the book holds it, null when it does not. */
    public PositionState state(UUID loanId) {
        int slot = find(loanId);
        return slot < 0 ? null : stateOf(slot);
    }

    public List<PositionState> states() {
        List<PositionState> all = new ArrayList<>(size);
        for (int slot = 0; slot < size; slot++) {
            all.add(stateOf(slot));
        }
        return all;
    }

    // ---------------------------------------------------------------- ticks

    /**
     * The loans a tick at {@code price} observed at {@code observedAt} may change (a superset of those it
     * changes: each is then decided by the rules). Changes nothing.
     */
    public List<UUID> candidates(BigDecimal price, Instant observedAt) {
        long p = priceKey(price);
        if (p == Long.MIN_VALUE) {
            List<UUID> all = new ArrayList<>(size);
            for (int slot = 0; slot < size; slot++) {
                all.add(idOf(slot));
            }
            return all;
        }
        collect(p, nanos(observedAt));
        List<UUID> ids = new ArrayList<>(work.size());
        for (int i = 0; i < work.size(); i++) {
            ids.add(idOf(work.get(i)));
        }
        return ids;
    }

    /**
     * Applies a tick to the book through the index and hands every event to {@code sink}, per loan in the
     * order zone change, margin call, top-up, trigger. Returns how many events there were.
     */
    public int tick(BigDecimal price, Instant observedAt, boolean breakerTripped, Instant now,
                    Consumer<RiskEvent> sink) {
        long p = priceKey(price);
        if (p == Long.MIN_VALUE) {
            return exactScan(price, observedAt, breakerTripped, now, sink);
        }
        long observed = nanos(observedAt);
        boolean stale = isStale(observedAt, now);
        BigDecimal shown = price.setScale(PRICE_SCALE);
        collect(p, observed);
        int events = 0;
        for (int i = 0; i < work.size(); i++) {
            events += evaluate(work.get(i), p, observed, stale, breakerTripped, shown, sink);
        }
        return events;
    }

    /** The naive baseline in the book's own storage: every position decided by the integer rules. */
    public int scan(BigDecimal price, Instant observedAt, boolean breakerTripped, Instant now,
                    Consumer<RiskEvent> sink) {
        long p = priceKey(price);
        if (p == Long.MIN_VALUE) {
            return exactScan(price, observedAt, breakerTripped, now, sink);
        }
        long observed = nanos(observedAt);
        boolean stale = isStale(observedAt, now);
        BigDecimal shown = price.setScale(PRICE_SCALE);
        int events = 0;
        for (int slot = 0; slot < size; slot++) {
            events += evaluate(slot, p, observed, stale, breakerTripped, shown, sink);
        }
        return events;
    }

    /** The naive baseline with the assessor's {@code BigDecimal} arithmetic on every position. */
    public int exactScan(BigDecimal price, Instant observedAt, boolean breakerTripped, Instant now,
                         Consumer<RiskEvent> sink) {
        BigDecimal shown = price.setScale(Math.max(PRICE_SCALE, price.scale()));
        int events = 0;
        for (int slot = 0; slot < size; slot++) {
            PositionState s = stateOf(slot);
            var snapshot = new MarginAssessor.Snapshot(s.zone(), s.status(), s.triggered(), s.lastMarginCallAt(),
                    s.marginCallRepeat(), s.debt(), s.collateral(), s.thresholds(), s.autoIncrease(), assetScale);
            MarginAssessor.Assessment a = assessor.assess(snapshot, shown, observedAt, breakerTripped, now);
            UUID id = s.loanId();
            if (a.zoneChanged()) {
                sink.accept(new RiskEvent.ZoneChange(id, a.from(), a.to(), a.ltv()));
                events++;
            }
            if (a.call() != null) {
                sink.accept(new RiskEvent.Call(id, a.call().repeat(), a.ltv(), a.call().terms()));
                events++;
            }
            if (a.topUp() != null) {
                sink.accept(new RiskEvent.TopUp(id, a.topUp()));
                events++;
            }
            if (a.triggers()) {
                sink.accept(new RiskEvent.Trigger(id, a.ltv()));
                events++;
            }
            flags[slot] = flags(a.to(), s.status(), s.triggered() || a.triggers(), s.autoIncrease());
            lastCallAt[slot] = a.lastMarginCallAt() == null ? NO_CALL : nanos(a.lastMarginCallAt());
            callRepeat[slot] = a.marginCallRepeat();
            rekey(slot);
        }
        return events;
    }

    // ---------------------------------------------------------------- risk views

    /** Counts and debt of the book per zone. */
    public Map<Zone, Aggregate> byZone() {
        Map<Zone, Aggregate> zones = new java.util.EnumMap<>(Zone.class);
        for (Zone zone : ZONES) {
            zones.put(zone, new Aggregate());
        }
        for (int slot = 0; slot < size; slot++) {
            zones.get(zoneOf(slot)).add(debtOf(slot));
        }
        return zones;
    }

    /**
     * What the book would look like at {@code price} (zones by the thresholds alone, without hysteresis): the
     * loans and debt in each zone, the loans at or above their liquidation LTV, and the shortfall if those were
     * sold at that price: {@code debt − collateral × price} where positive.
     */
    public Stress stress(BigDecimal price) {
        Stress stress = new Stress();
        long p = priceKey(price);
        for (int slot = 0; slot < size; slot++) {
            BigDecimal d = debtOf(slot);
            Zone reached;
            boolean liquidated;
            if (p != Long.MIN_VALUE) {
                reached = p <= redAt[slot] ? Zone.RED : p <= orangeAt[slot] ? Zone.ORANGE : Zone.GREEN;
                liquidated = p <= liquidationAt[slot];
            } else {
                Thresholds t = thresholdRows.get(thresholdsId[slot]).thresholds();
                reached = io.shortfall.margin.domain.ZoneRule.reached(d, collateralOf(slot), price, t);
                liquidated = LtvMath.atOrAbove(d, collateralOf(slot), price, t.liquidation());
            }
            Zone now = zoneOf(slot);
            stress.zones.get(reached).add(d);
            if (reached.isWorseThan(now)) {
                stress.entering.get(reached).add(d);
            }
            if (liquidated) {
                stress.liquidated.add(d);
                BigDecimal gap = d.subtract(collateralOf(slot).multiply(price));
                if (gap.signum() > 0) {
                    stress.shortfall = stress.shortfall.add(gap);
                }
            }
        }
        stress.shortfall = stress.shortfall.setScale(LtvMath.USDT_SCALE, RoundingMode.UP);
        return stress;
    }

    /** A number of loans and their debt. */
    public static final class Aggregate {
        private long loans;
        private BigDecimal debt = BigDecimal.ZERO.setScale(LtvMath.USDT_SCALE);

        void add(BigDecimal amount) {
            loans++;
            debt = debt.add(amount);
        }

        public long loans() {
            return loans;
        }

        public BigDecimal debt() {
            return debt;
        }
    }

    /** The outcome of {@link #stress(BigDecimal)}. */
    public static final class Stress {
        private final Map<Zone, Aggregate> zones = new java.util.EnumMap<>(Zone.class);
        private final Map<Zone, Aggregate> entering = new java.util.EnumMap<>(Zone.class);
        private final Aggregate liquidated = new Aggregate();
        private BigDecimal shortfall = BigDecimal.ZERO;

        Stress() {
            for (Zone zone : ZONES) {
                zones.put(zone, new Aggregate());
                entering.put(zone, new Aggregate());
            }
        }

        /** Where every loan would stand. */
        public Map<Zone, Aggregate> zones() {
            return zones;
        }

        /** The loans that would enter a worse zone than theirs now. */
        public Map<Zone, Aggregate> entering() {
            return entering;
        }

        public Aggregate liquidated() {
            return liquidated;
        }

        public BigDecimal shortfall() {
            return shortfall;
        }
    }

    /** The bytes held by the book's arrays (the measure of its footprint, without the thresholds table). */
    public long arrayBytes() {
        long perSlot = 8L + 8 + 4 + 8 + 1 + 8 + 1 + 2 + 1 + 8 + 4 + 5 * 8;
        return perSlot * idHi.length + 4L * table.length + falling.bytes() + rising.bytes() + due.bytes();
    }

    /** Shrinks the arrays to the positions held (after a bulk load). */
    public void trim() {
        grow(Math.max(size, 16));
        falling.trim(idHi.length);
        rising.trim(idHi.length);
        due.trim(idHi.length);
    }

    // ---------------------------------------------------------------- the rules, in integers

    private int evaluate(int slot, long p, long observed, boolean stale, boolean breaker, BigDecimal price,
                         Consumer<RiskEvent> sink) {
        int f = flags[slot];
        Zone from = ZONES[f & 3];
        PositionStatus status = STATUSES[(f >> 2) & 3];
        boolean triggered = (f & 16) != 0;
        boolean auto = (f & 32) != 0;

        Zone reached = p <= redAt[slot] ? Zone.RED : p <= orangeAt[slot] ? Zone.ORANGE : Zone.GREEN;
        Zone to = reached;
        if (from.isWorseThan(reached)) {
            Zone released = p < redReleasedAt[slot] ? Zone.RED
                    : p < orangeReleasedAt[slot] ? Zone.ORANGE : Zone.GREEN;
            to = released.isWorseThan(from) ? from : released;
        }
        boolean active = status == PositionStatus.ACTIVE;
        boolean stillRed = to == Zone.RED && from == Zone.RED;
        long last = stillRed ? lastCallAt[slot] : NO_CALL;
        int repeat = stillRed ? callRepeat[slot] : 0;
        boolean call = false;
        if (to == Zone.RED && active && (last == NO_CALL || observed >= last + repeatNanos)) {
            repeat = last == NO_CALL ? 0 : repeat + 1;
            last = observed;
            call = true;
        }
        boolean topUp = active && auto && to.isWorseThan(from) && to != Zone.GREEN;
        boolean trigger = p <= liquidationAt[slot] && active && !triggered && !stale && !breaker;

        int events = 0;
        if (to != from || call || topUp || trigger) {
            UUID id = idOf(slot);
            BigDecimal d = debtOf(slot);
            BigDecimal c = collateralOf(slot);
            BigDecimal ltv = LtvMath.ltv(d, c, price);
            Thresholds t = thresholdRows.get(thresholdsId[slot]).thresholds();
            if (to != from) {
                sink.accept(new RiskEvent.ZoneChange(id, from, to, ltv));
                events++;
            }
            if (call) {
                sink.accept(new RiskEvent.Call(id, repeat, ltv, MarginCallTerms.of(d, c, price, t, assetScale)));
                events++;
            }
            if (topUp) {
                sink.accept(new RiskEvent.TopUp(id, LtvMath.collateralToReach(d, c, price, t.initial(), assetScale)));
                events++;
            }
            if (trigger) {
                sink.accept(new RiskEvent.Trigger(id, ltv));
                events++;
            }
        }
        boolean changed = to != from || trigger || last != lastCallAt[slot] || repeat != callRepeat[slot];
        if (changed) {
            flags[slot] = flags(to, status, triggered || trigger, auto);
            lastCallAt[slot] = last;
            callRepeat[slot] = repeat;
            rekey(slot);
        }
        return events;
    }

    private void collect(long p, long observed) {
        work.clear();
        falling.collectAtMost(~p, work);
        rising.collectAtMost(p, work);
        due.collectAtMost(observed, work);
        work.sortDistinct();
    }

    private void computeBoundaries(int slot) {
        ThresholdRow row = thresholdRows.get(thresholdsId[slot]);
        BigDecimal d = debtOf(slot);
        BigDecimal c = collateralOf(slot);
        orangeAt[slot] = highestPriceAtOrAbove(d, c, row.thresholds().warning());
        redAt[slot] = highestPriceAtOrAbove(d, c, row.thresholds().marginCall());
        liquidationAt[slot] = highestPriceAtOrAbove(d, c, row.thresholds().liquidation());
        orangeReleasedAt[slot] = lowestPriceAtOrBelow(d, c, row.warningRelease());
        redReleasedAt[slot] = lowestPriceAtOrBelow(d, c, row.marginCallRelease());
    }

    /** The index keys of a position from its state. */
    private void rekey(int slot) {
        int f = flags[slot];
        Zone zone = ZONES[f & 3];
        boolean active = ((f >> 2) & 3) == PositionStatus.ACTIVE.ordinal();
        boolean mayTrigger = active && (f & 16) == 0;
        long liquidation = mayTrigger ? liquidationAt[slot] : NEVER_BELOW;
        long below = switch (zone) {
            case GREEN -> Math.max(Math.max(orangeAt[slot], redAt[slot]), liquidation);
            case ORANGE -> Math.max(redAt[slot], liquidation);
            case RED -> liquidation;
        };
        long above = switch (zone) {
            case GREEN -> NEVER_ABOVE;
            case ORANGE -> orangeReleasedAt[slot];
            case RED -> redReleasedAt[slot];
        };
        falling.set(slot, ~below, below != NEVER_BELOW);
        rising.set(slot, above, above != NEVER_ABOVE);
        boolean callable = zone == Zone.RED && active;
        long last = lastCallAt[slot];
        due.set(slot, last == NO_CALL ? Long.MIN_VALUE : saturatedAdd(last, repeatNanos), callable);
    }

    /** The highest price key {@code k} such that, for a price {@code p} of 8 decimals, {@code debt ≥ ratio × collateral × p ⇔ p·10⁸ ≤ k}. */
    static long highestPriceAtOrAbove(BigDecimal debt, BigDecimal collateral, BigDecimal ratio) {
        BigDecimal factor = ratio.multiply(collateral);
        if (factor.signum() <= 0) {
            return debt.signum() >= 0 ? ALWAYS_BELOW : NEVER_BELOW;
        }
        BigInteger k = debt.movePointRight(PRICE_SCALE).divide(factor, 0, RoundingMode.FLOOR).toBigIntegerExact();
        return clamp(k);
    }

    /** The lowest price key {@code k} such that {@code debt ≤ ratio × collateral × p ⇔ p·10⁸ ≥ k}. */
    static long lowestPriceAtOrBelow(BigDecimal debt, BigDecimal collateral, BigDecimal ratio) {
        BigDecimal factor = ratio.multiply(collateral);
        if (factor.signum() <= 0) {
            boolean holds = factor.signum() == 0 ? debt.signum() <= 0 : debt.signum() < 0;
            return holds ? ALWAYS_ABOVE : NEVER_ABOVE;
        }
        BigInteger k = debt.movePointRight(PRICE_SCALE).divide(factor, 0, RoundingMode.CEILING).toBigIntegerExact();
        return clamp(k);
    }

    private static long clamp(BigInteger k) {
        if (k.bitLength() < 64) {
            return k.longValue();
        }
        return k.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /**
     * A tick price as a key: its value × 10⁸, or {@code Long.MIN_VALUE} when it has more than 8 decimals, is
     * not positive or is too large for the integer path (keys of {@code Long.MAX_VALUE} are saturated).
     */
    static long priceKey(BigDecimal price) {
        if (price.signum() <= 0) {
            return Long.MIN_VALUE;
        }
        BigDecimal scaled = price.movePointRight(PRICE_SCALE);
        if (scaled.stripTrailingZeros().scale() > 0) {
            return Long.MIN_VALUE;
        }
        BigInteger k = scaled.toBigInteger();
        return k.bitLength() < 63 ? k.longValue() : Long.MIN_VALUE;
    }

    private boolean isStale(Instant observedAt, Instant now) {
        return java.time.Duration.between(observedAt, now).compareTo(rules.priceMaxAge()) > 0;
    }

    // ---------------------------------------------------------------- storage

    private PositionState stateOf(int slot) {
        int f = flags[slot];
        return new PositionState(idOf(slot), version[slot], debtOf(slot), collateralOf(slot),
                thresholdRows.get(thresholdsId[slot]).thresholds(), (f & 32) != 0, STATUSES[(f >> 2) & 3],
                ZONES[f & 3], (f & 16) != 0, lastCallAt[slot] == NO_CALL ? null : instant(lastCallAt[slot]),
                callRepeat[slot]);
    }

    private Zone zoneOf(int slot) {
        return ZONES[flags[slot] & 3];
    }

    private UUID idOf(int slot) {
        return new UUID(idHi[slot], idLo[slot]);
    }

    private BigDecimal debtOf(int slot) {
        return BigDecimal.valueOf(debt[slot], debtScale[slot]);
    }

    private BigDecimal collateralOf(int slot) {
        return BigDecimal.valueOf(collateral[slot], collateralScale[slot]);
    }

    private static byte flags(Zone zone, PositionStatus status, boolean triggered, boolean autoIncrease) {
        return (byte) (zone.ordinal() | status.ordinal() << 2 | (triggered ? 16 : 0) | (autoIncrease ? 32 : 0));
    }

    private int thresholdsIdOf(Thresholds t) {
        String key = t.initial().stripTrailingZeros().toPlainString() + '/' + t.warning().stripTrailingZeros()
                .toPlainString() + '/' + t.marginCall().stripTrailingZeros().toPlainString() + '/'
                + t.liquidation().stripTrailingZeros().toPlainString();
        Integer id = thresholdIds.get(key);
        if (id == null) {
            if (thresholdRows.size() > Character.MAX_VALUE) {
                throw new IllegalStateException("more than 65536 distinct thresholds");
            }
            id = thresholdRows.size();
            thresholdRows.add(new ThresholdRow(t, t.warning().subtract(rules.hysteresis()),
                    t.marginCall().subtract(rules.hysteresis())));
            thresholdIds.put(key, id);
        }
        return id;
    }

    private static long unscaled(BigDecimal amount, String what) {
        if (amount.scale() > Byte.MAX_VALUE || amount.scale() < Byte.MIN_VALUE
                || amount.unscaledValue().bitLength() > 63) {
            throw new IllegalArgumentException(what + " " + amount + " is beyond the risk engine's range");
        }
        return amount.unscaledValue().longValue();
    }

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private void allocate(int capacity) {
        idHi = new long[capacity];
        idLo = new long[capacity];
        version = new int[capacity];
        debt = new long[capacity];
        debtScale = new byte[capacity];
        collateral = new long[capacity];
        collateralScale = new byte[capacity];
        thresholdsId = new char[capacity];
        flags = new byte[capacity];
        lastCallAt = new long[capacity];
        callRepeat = new int[capacity];
        orangeAt = new long[capacity];
        redAt = new long[capacity];
        liquidationAt = new long[capacity];
        orangeReleasedAt = new long[capacity];
        redReleasedAt = new long[capacity];
    }

    private void grow(int capacity) {
        idHi = Arrays.copyOf(idHi, capacity);
        idLo = Arrays.copyOf(idLo, capacity);
        version = Arrays.copyOf(version, capacity);
        debt = Arrays.copyOf(debt, capacity);
        debtScale = Arrays.copyOf(debtScale, capacity);
        collateral = Arrays.copyOf(collateral, capacity);
        collateralScale = Arrays.copyOf(collateralScale, capacity);
        thresholdsId = Arrays.copyOf(thresholdsId, capacity);
        flags = Arrays.copyOf(flags, capacity);
        lastCallAt = Arrays.copyOf(lastCallAt, capacity);
        callRepeat = Arrays.copyOf(callRepeat, capacity);
        orangeAt = Arrays.copyOf(orangeAt, capacity);
        redAt = Arrays.copyOf(redAt, capacity);
        liquidationAt = Arrays.copyOf(liquidationAt, capacity);
        orangeReleasedAt = Arrays.copyOf(orangeReleasedAt, capacity);
        redReleasedAt = Arrays.copyOf(redReleasedAt, capacity);
        int wanted = tableSizeFor(capacity);
        if (wanted != table.length) {
            table = new int[wanted];
            for (int slot = 0; slot < size; slot++) {
                insertId(slot);
            }
        }
    }

    private static int tableSizeFor(int capacity) {
        int n = Integer.highestOneBit(Math.max(capacity, 8) * 2 - 1) << 1;
        return Math.max(n, 16);
    }

    private static int hash(long hi, long lo) {
        long h = (hi ^ lo) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private int find(UUID id) {
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        int mask = table.length - 1;
        for (int i = hash(hi, lo) & mask; ; i = (i + 1) & mask) {
            int entry = table[i];
            if (entry == 0) {
                return -1;
            }
            int slot = entry - 1;
            if (idHi[slot] == hi && idLo[slot] == lo) {
                return slot;
            }
        }
    }

    private int indexOf(int slot) {
        int mask = table.length - 1;
        for (int i = hash(idHi[slot], idLo[slot]) & mask; ; i = (i + 1) & mask) {
            if (table[i] == slot + 1) {
                return i;
            }
        }
    }

    private void insertId(int slot) {
        int mask = table.length - 1;
        int i = hash(idHi[slot], idLo[slot]) & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = slot + 1;
    }

    private void deleteIndex(int i) {
        int mask = table.length - 1;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            int entry = table[j];
            if (entry == 0) {
                break;
            }
            int home = hash(idHi[entry - 1], idLo[entry - 1]) & mask;
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                table[i] = entry;
                i = j;
            }
        }
        table[i] = 0;
    }

    private void removeSlot(int slot) {
        deleteIndex(indexOf(slot));
        falling.set(slot, 0, false);
        rising.set(slot, 0, false);
        due.set(slot, 0, false);
        int last = --size;
        if (slot != last) {
            int at = indexOf(last);
            table[at] = slot + 1;
            idHi[slot] = idHi[last];
            idLo[slot] = idLo[last];
            version[slot] = version[last];
            debt[slot] = debt[last];
            debtScale[slot] = debtScale[last];
            collateral[slot] = collateral[last];
            collateralScale[slot] = collateralScale[last];
            thresholdsId[slot] = thresholdsId[last];
            flags[slot] = flags[last];
            lastCallAt[slot] = lastCallAt[last];
            callRepeat[slot] = callRepeat[last];
            orangeAt[slot] = orangeAt[last];
            redAt[slot] = redAt[last];
            liquidationAt[slot] = liquidationAt[last];
            orangeReleasedAt[slot] = orangeReleasedAt[last];
            redReleasedAt[slot] = redReleasedAt[last];
            falling.moveSlot(last, slot);
            rising.moveSlot(last, slot);
            due.moveSlot(last, slot);
        }
    }
}
