package io.shortfall.liquidation.venue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** An order the simulated venue executed (its memory across restarts; a real venue keeps its own). */
@Entity
@Table(name = "simulated_venue_order")
public class SimulatedVenueOrder extends PanacheEntityBase {

    @Id
    @Column(name = "client_order_id")
    public String clientOrderId;

    @Column(nullable = false)
    public String asset;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(nullable = false)
    public BigDecimal price;

    @Column(name = "filled_at", nullable = false)
    public Instant filledAt;

    static SimulatedVenueOrder of(String asset, VenueFill fill) {
        var order = new SimulatedVenueOrder();
        order.clientOrderId = fill.clientOrderId();
        order.asset = asset;
        order.quantity = fill.quantity();
        order.price = fill.price();
        order.filledAt = fill.at();
        return order;
    }

    VenueFill fill() {
        return new VenueFill(clientOrderId, quantity, price, filledAt);
    }
}
