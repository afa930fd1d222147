package io.shortfall.loan;

import io.shortfall.kit.projections.LatestAssetPrice;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The latest price of a collateral asset, projected from {@code market.prices}. */
@Entity
@Table(name = "asset_price")
public class AssetPrice extends LatestAssetPrice {
}
