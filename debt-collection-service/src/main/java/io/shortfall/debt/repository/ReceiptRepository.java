package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shortfall.debt.LiquidationReceipt;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ReceiptRepository implements PanacheRepositoryBase<LiquidationReceipt, UUID> {
}
