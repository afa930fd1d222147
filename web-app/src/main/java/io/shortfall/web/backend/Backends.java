package io.shortfall.web.backend;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortfall.client.debt.api.ApprovalsApi;
import io.shortfall.client.debt.api.CaseworkApi;
import io.shortfall.client.debt.api.DebtsApi;
import io.shortfall.client.liquidation.api.InsuranceFundApi;
import io.shortfall.client.liquidation.api.LiquidationsApi;
import io.shortfall.client.liquidation.api.QueueApi;
import io.shortfall.client.loan.api.AssetsApi;
import io.shortfall.client.notification.api.DeliveriesApi;
import io.shortfall.client.notification.api.NotificationsApi;
import io.shortfall.client.notification.api.PreferencesApi;
import io.shortfall.client.margin.api.BreakersApi;
import io.shortfall.client.margin.api.RiskApi;
import io.shortfall.client.loan.api.LoansApi;
import io.shortfall.client.loan.api.PledgesApi;
import io.shortfall.client.loan.api.ReservesApi;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The services' APIs through the clients generated from their OpenAPI documents (module api-clients), one per
 * operation group, shared by every request: each call passes the signed-in person's token ({@link Bearer}).
 */
@ApplicationScoped
public class Backends {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final LoansApi loans;
    private final AssetsApi assets;
    private final ReservesApi reserves;
    private final PledgesApi pledges;
    private final DebtsApi debts;
    private final CaseworkApi casework;
    private final RiskApi risk;
    private final BreakersApi breakers;
    private final ApprovalsApi approvals;
    private final QueueApi queue;
    private final LiquidationsApi liquidations;
    private final InsuranceFundApi insuranceFund;
    private final DeliveriesApi deliveries;
    private final NotificationsApi notifications;
    private final PreferencesApi preferences;

    Backends(ServiceUrls urls) {
        var loan = new io.shortfall.client.loan.ApiClient();
        loan.updateBaseUri(urls.loan());
        loan.setObjectMapper(amountsAsStrings(loan.getObjectMapper()));
        loan.setReadTimeout(TIMEOUT);
        this.loans = new LoansApi(loan);
        this.assets = new AssetsApi(loan);
        this.reserves = new ReservesApi(loan);
        this.pledges = new PledgesApi(loan);

        var margin = new io.shortfall.client.margin.ApiClient();
        margin.updateBaseUri(urls.margin());
        margin.setObjectMapper(amountsAsStrings(margin.getObjectMapper()));
        margin.setReadTimeout(TIMEOUT);
        this.risk = new RiskApi(margin);
        this.breakers = new BreakersApi(margin);

        var debt = new io.shortfall.client.debt.ApiClient();
        debt.updateBaseUri(urls.debt());
        debt.setObjectMapper(amountsAsStrings(debt.getObjectMapper()));
        debt.setReadTimeout(TIMEOUT);
        this.debts = new DebtsApi(debt);
        this.casework = new CaseworkApi(debt);
        this.approvals = new ApprovalsApi(debt);

        var liquidation = new io.shortfall.client.liquidation.ApiClient();
        liquidation.updateBaseUri(urls.liquidation());
        liquidation.setObjectMapper(amountsAsStrings(liquidation.getObjectMapper()));
        liquidation.setReadTimeout(TIMEOUT);
        this.queue = new QueueApi(liquidation);
        this.liquidations = new LiquidationsApi(liquidation);
        this.insuranceFund = new InsuranceFundApi(liquidation);

        var notification = new io.shortfall.client.notification.ApiClient();
        notification.updateBaseUri(urls.notification());
        notification.setObjectMapper(amountsAsStrings(notification.getObjectMapper()));
        notification.setReadTimeout(TIMEOUT);
        this.deliveries = new DeliveriesApi(notification);
        this.notifications = new NotificationsApi(notification);
        this.preferences = new PreferencesApi(notification);
    }

    /**
     * The documents type an amount as a decimal string, which the generator maps to BigDecimal; Jackson would write
     * it as a JSON number, which the services refuse.
     */
    static ObjectMapper amountsAsStrings(ObjectMapper mapper) {
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);      // "0.0000001", never "1.0E-7"
        return mapper;
    }

    public LoansApi loans() {
        return loans;
    }

    public DebtsApi debts() {
        return debts;
    }

    public RiskApi risk() {
        return risk;
    }

    public BreakersApi breakers() {
        return breakers;
    }

    public CaseworkApi casework() {
        return casework;
    }

    public ApprovalsApi approvals() {
        return approvals;
    }

    public AssetsApi assets() {
        return assets;
    }

    public PledgesApi pledges() {
        return pledges;
    }

    public ReservesApi reserves() {
        return reserves;
    }

    public QueueApi queue() {
        return queue;
    }

    public LiquidationsApi liquidations() {
        return liquidations;
    }

    public InsuranceFundApi insuranceFund() {
        return insuranceFund;
    }

    public DeliveriesApi deliveries() {
        return deliveries;
    }

    public NotificationsApi notifications() {
        return notifications;
    }

    public PreferencesApi preferences() {
        return preferences;
    }
}
