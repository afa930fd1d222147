package io.shortfall.loan.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.security.Authenticated;
import io.shortfall.kit.idempotency.IdempotentRequests;
import io.shortfall.kit.rest.Paging;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.shortfall.loan.service.Balances;
import io.shortfall.loan.service.BorrowerContacts;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The caller's USDT balance: a liquidation's surplus, withdrawn or used to pay a debt case. */
@Path("/api/balance")
@Authenticated
@Tag(name = "Balance", description = "The USDT balance: a liquidation surplus, withdrawals, paying a debt")
public class BalanceResource {

    private final Balances balances;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final BorrowerContacts contacts;

    public BalanceResource(Balances balances, IdempotentRequests idempotency, Caller caller,
                           BorrowerContacts contacts) {
        this.balances = balances;
        this.idempotency = idempotency;
        this.caller = caller;
        this.contacts = contacts;
    }

    @GET
    @WithSession
    @RolesAllowed(Roles.BORROWER)
    @Operation(operationId = "getBalance", summary = "The caller's USDT balance and its movements, newest first, paged by ?page=&size=",
            description = "A liquidation that sold for more than the debt and the fee credits its surplus here.")
    public Uni<BalanceView> get(@QueryParam("page") @DefaultValue("0") int page,
                                @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        return balances.of(caller.id(), Paging.page(page, size)).map(BalanceView::of);
    }

    @POST
    @Path("withdrawals")
    @RolesAllowed(Roles.BORROWER)
    @APIResponse(responseCode = "200", description = "The withdrawal's entry",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BalanceView.Entry.class)))
    @Operation(operationId = "withdrawFromBalance", summary = "Withdraw from the caller's USDT balance",
            description = "Answers the entry. More than the balance holds is refused (422 insufficient-balance); "
                    + "409 when a simultaneous spend of the same balance won. Requires an Idempotency-Key.")
    public Uni<Response> withdraw(@HeaderParam(IdempotentRequests.HEADER) String key,
                                  @Valid @NotNull AmountRequest request) {
        return idempotency.once(caller.id(), key, List.of("POST /api/balance/withdrawals", request),
                        () -> contacts.refresh(CallerContact.of(caller))
                                .chain(() -> balances.withdraw(caller.id(), request.amount()))
                                .map(entry -> Response.ok(BalanceView.Entry.of(entry)).build()))
                .onFailure(LostRace::is).transform(LostRace::problem);
    }

    @POST
    @Path("debt-payments")
    @RolesAllowed(Roles.BORROWER)
    @APIResponse(responseCode = "202", description = "The payment's entry, PENDING until the case answers",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BalanceView.Entry.class)))
    @Operation(operationId = "payDebtFromBalance", summary = "Pay one of the caller's debt cases from their USDT balance",
            description = "Takes the amount from the balance at once (422 insufficient-balance when it holds less) "
                    + "and answers the entry, PENDING: debt-collection-service applies it to the case's plan as a "
                    + "payment (APPLIED), or, when the case is not the caller's, has no plan running or is owed less, "
                    + "returns it to the balance (RETURNED, with a DEBT_PAYMENT_RETURNED entry). Requires an "
                    + "Idempotency-Key.")
    public Uni<Response> payDebt(@HeaderParam(IdempotentRequests.HEADER) String key,
                                 @Valid @NotNull DebtPaymentRequest request) {
        return idempotency.once(caller.id(), key, List.of("POST /api/balance/debt-payments", request),
                        () -> contacts.refresh(CallerContact.of(caller))
                                .chain(() -> balances.payDebt(caller.id(), request.caseId(), request.amount()))
                                .map(entry -> Response.accepted(BalanceView.Entry.of(entry)).build()))
                .onFailure(LostRace::is).transform(LostRace::problem);
    }
}
