package io.shortfall.loan.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shortfall.events.LoanEvents;
import io.shortfall.kit.rest.Problems;
import io.shortfall.loan.AssetPrice;
import io.shortfall.loan.Loan;
import io.shortfall.loan.config.LoanConfig;
import io.shortfall.loan.domain.LoanMath;
import io.shortfall.loan.domain.LoanStatus;
import io.shortfall.loan.domain.Zone;
import io.shortfall.loan.repository.PriceRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** Opening loans. Runs inside the caller's transaction (the idempotent request's). */
@ApplicationScoped
public class LoanService {

    private final Assets assets;
    private final LoanConfig config;
    private final PriceRepository prices;
    private final LoanEventLog events;
    private final BorrowerContacts contacts;
    private final Clock clock;
    private final MeterRegistry metrics;

    public LoanService(Assets assets, LoanConfig config, PriceRepository prices, LoanEventLog events, BorrowerContacts contacts, Clock clock,
                       MeterRegistry metrics) {
        this.assets = assets;
        this.config = config;
        this.prices = prices;
        this.events = events;
        this.contacts = contacts;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** What the borrower asks for, and who they are (from their token). */
    public record Application(String borrowerId, String email, String name, String locale, String timeZone,
                              String collateralAsset, BigDecimal collateralAmount, BigDecimal principal,
                              boolean autoIncrease) {
    }

    public Uni<Loan> open(Application application) {
        LoanConfig.Asset asset = assets.require(application.collateralAsset(), "collateralAsset");
        Assets.requireScale("collateralAmount", application.collateralAmount(), asset.scale());
        Assets.requireScale("principal", application.principal(), LoanMath.USDT_SCALE);
        if (application.principal().compareTo(config.minimumPrincipal()) < 0) {
            throw Problems.invalid("principal", "at least " + config.minimumPrincipal() + " " + config.currency());
        }
        return prices.findById(application.collateralAsset())
                .chain(price -> {
                    requireFreshPrice(application.collateralAsset(), price);
                    requireWithinInitialLtv(application, asset, price);
                    return create(application, asset);
                });
    }

    private Uni<Loan> create(Application application, LoanConfig.Asset asset) {
        Loan loan = new Loan();
        loan.id = UUID.randomUUID();
        loan.borrowerId = application.borrowerId();
        loan.status = LoanStatus.ACTIVE;
        loan.collateralAsset = application.collateralAsset();
        loan.collateralAmount = application.collateralAmount().setScale(asset.scale());
        loan.principal = application.principal().setScale(LoanMath.USDT_SCALE);
        loan.accruedInterest = BigDecimal.ZERO.setScale(LoanMath.USDT_SCALE);
        loan.currency = config.currency();
        loan.apr = config.apr();
        loan.initialLtv = asset.initialLtv();
        loan.warningLtv = asset.warningLtv();
        loan.marginCallLtv = asset.marginCallLtv();
        loan.liquidationLtv = asset.liquidationLtv();
        loan.liquidationPolicy = asset.liquidationPolicy();
        loan.recourse = asset.recourse();
        loan.autoIncrease = application.autoIncrease();
        loan.zone = Zone.GREEN;
        loan.openedAt = clock.instant();
        loan.interestAccruedThrough = LocalDate.ofInstant(loan.openedAt, ZoneOffset.UTC);
        loan.interestCarry = BigDecimal.ZERO;
        return loan.persist()
                .call(Panache::flush)
                .call(() -> contacts.send(new BorrowerContacts.Contact(application.borrowerId(),
                        application.email(), application.name(), application.locale(), application.timeZone())))
                .call(() -> events.emit(loan.id, new LoanEvents.LoanOpened(loan.id, loan.borrowerId,
                        loan.collateralAsset, loan.collateralAmount, loan.principal, loan.currency, loan.apr,
                        Assets.thresholds(asset), loan.autoIncrease, loan.openedAt, loan.version)))
                .invoke(() -> metrics.counter("shortfall.loans.opened", "asset", loan.collateralAsset).increment())
                .replaceWith(loan);
    }

    private void requireFreshPrice(String asset, AssetPrice price) {
        if (price == null) {
            throw Problems.refused("price-unavailable", "no price is known yet for " + asset
                    + "; a loan opens only at a fresh market price");
        }
        Duration age = Duration.between(price.observedAt, clock.instant());
        if (age.compareTo(config.priceMaxAge()) > 0) {
            throw Problems.refused("price-stale", "the latest " + asset + " price (" + price.price + " at "
                    + price.observedAt + ") is older than " + config.priceMaxAge().toMinutes()
                    + " minutes; a loan opens only at a fresh market price");
        }
    }

    private static void requireWithinInitialLtv(Application application, LoanConfig.Asset asset, AssetPrice price) {
        BigDecimal max = LoanMath.maxDebt(application.collateralAmount(), price.price, asset.initialLtv());
        if (application.principal().compareTo(max) > 0) {
            BigDecimal ltv = LoanMath.ltv(application.principal(), application.collateralAmount(), price.price);
            BigDecimal collateral = LoanMath.collateralToReach(application.principal(),
                    application.collateralAmount(), price.price, asset.initialLtv(), asset.scale())
                    .add(application.collateralAmount());
            throw Problems.refused("ltv-too-high", "at " + price.price + " " + application.collateralAsset()
                    + " the LTV would be " + ltv + ", above the initial LTV " + asset.initialLtv()
                    + ": borrow at most " + max + " against " + application.collateralAmount() + " "
                    + application.collateralAsset() + ", or pledge at least " + collateral + " " + application.collateralAsset());
        }
    }

}
