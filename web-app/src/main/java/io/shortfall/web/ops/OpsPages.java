package io.shortfall.web.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shortfall.client.margin.model.AssetRisk;
import io.shortfall.client.margin.model.Bucket;
import io.shortfall.client.margin.model.Stress;
import io.shortfall.web.backend.Backends;
import io.shortfall.web.backend.Bearer;
import io.shortfall.web.backend.Call;
import io.shortfall.web.backend.ServiceRefused;
import io.shortfall.web.pages.Language;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operator's view: risk by asset and zone (a chart), a stress what-if at a typed price, and the breakers. */
@Path("/ops")
@RolesAllowed("operator")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class OpsPages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ZONES = List.of("GREEN", "ORANGE", "RED");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance risk(List<AssetRisk> assets, String chart, String notice, StressForm stress,
                                            Stress result, String problem);
    }

    /** The what-if as typed: which asset, and at what price. */
    public record StressForm(String asset, String price) {
    }

    @Inject
    Backends backends;

    @Inject
    Bearer bearer;

    @Inject
    Language language;

    @GET
    public TemplateInstance risk(@QueryParam("done") String done, @QueryParam("asset") String asset,
                                 @QueryParam("price") String price) {
        List<AssetRisk> assets = Call.of(() -> backends.risk().getRiskSummary(bearer.headers()));
        OpsMessages ops = language.messages(OpsMessages.class);
        String notice = assets.stream().map(AssetRisk::getAsset).filter(a -> ("reset-" + a).equals(done)).findFirst()
                .map(ops::breakerReset)
                .orElse(null);
        StressForm form = new StressForm(asset, price);
        Stress result = null;
        String problem = null;
        if (asset != null && price != null) {
            Optional<AssetRisk> known = assets.stream().filter(a -> a.getAsset().equals(asset)).findFirst();
            Optional<BigDecimal> move = known.flatMap(a -> StressMove.toReach(language.plainNumber(price),
                    a.getPrice()));
            if (move.isEmpty()) {
                problem = known.isEmpty() ? ops.noPriceYet(asset) : ops.enterPrice();
            } else {
                try {
                    result = Call.of(() -> backends.risk().getStressTest(asset, move.get().toPlainString(),
                            bearer.headers()));
                } catch (ServiceRefused e) {
                    if (e.unavailable() || e.status() == 401) {
                        throw e;
                    }
                    problem = e.message();
                }
            }
        }
        return Templates.risk(assets, chart(assets), notice, form, result, problem);
    }

    @POST
    @Path("breakers/{asset}/reset")
    public Response reset(@PathParam("asset") String asset) {
        Call.of(() -> backends.breakers().resetBreaker(asset, bearer.headers()));
        return Response.seeOther(URI.create("/ops?done=reset-" + asset)).build();
    }

    /** Loans per zone and asset, for the chart: {labels: [assets], zones: {GREEN: [counts], ...}}. */
    static String chart(List<AssetRisk> assets) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", assets.stream().map(AssetRisk::getAsset).toList());
        Map<String, List<Long>> zones = new LinkedHashMap<>();
        for (String zone : ZONES) {
            zones.put(zone, assets.stream().map(a -> {
                Bucket b = a.getZones() == null ? null : a.getZones().get(zone);
                return b == null || b.getLoans() == null ? 0L : b.getLoans();
            }).toList());
        }
        data.put("zones", zones);
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
