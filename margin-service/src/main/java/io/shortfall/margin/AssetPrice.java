package io.shortfall.margin;

import io.shortfall.kit.projections.LatestAssetPrice;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The latest tick of a collateral asset consumed from {@code market.prices}. */
@Entity
@Table(name = "asset_price")
public class AssetPrice extends LatestAssetPrice {
}
