package io.shortfall.loan.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.shortfall.kit.rest.Limits;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.shortfall.kit.idempotency.IdempotentRequests;
import io.shortfall.kit.rest.Paging;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.shortfall.loan.AssetPrice;
import io.shortfall.loan.Loan;
import io.shortfall.loan.repository.LoanRepository;
import io.shortfall.loan.repository.PriceRepository;
import io.shortfall.loan.service.Assets;
import io.shortfall.loan.service.LoanChanges;
import io.shortfall.loan.service.BorrowerContacts;
import io.shortfall.loan.service.LoanService;
import io.shortfall.loan.LoanTimelineEntry;
import io.shortfall.events.EventJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.PUT;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/loans")
@Authenticated
@Tag(name = "Loans", description = "Opening, repaying and topping up loans; the dashboard and the timeline")
public class LoanResource {

    private final LoanService loans;
    private final LoanRepository repository;
    private final PriceRepository prices;
    private final Assets assets;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final LoanChanges changes;
    private final BorrowerContacts contacts;

    public LoanResource(LoanService loans, LoanRepository repository, PriceRepository prices, Assets assets,
                        IdempotentRequests idempotency, Caller caller, LoanChanges changes,
                        BorrowerContacts contacts) {
        this.changes = changes;
        this.contacts = contacts;
        this.loans = loans;
        this.repository = repository;
        this.prices = prices;
        this.assets = assets;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.BORROWER)
    @APIResponse(responseCode = "201", description = "The loan opened (Location names it); a replay answers the same, with Idempotent-Replayed: true",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoanView.class)))
    @Operation(operationId = "openLoan", summary = "Open a loan", description = "Refused (422) when the LTV at the latest price would exceed "
            + "the asset's initial LTV or the price is stale. Requires an Idempotency-Key.")
    public Uni<Response> open(@HeaderParam(IdempotentRequests.HEADER) String key,
                              @Valid @NotNull OpenLoanRequest request) {
        var application = new LoanService.Application(caller.id(), caller.email().orElse(null), caller.name(),
                caller.locale(), caller.timeZone(), request.collateralAsset(), request.collateralAmount(),
                request.principal(), request.autoIncreaseOrDefault());
        return idempotency.once(caller.id(), key, List.of("POST /api/loans", request),
                        () -> loans.open(application).chain(this::view)
                                .map(view -> Response.created(URI.create("/api/loans/" + view.id())).entity(view).build()))
                .onFailure(LostRace::is).transform(LostRace::problem);
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(operationId = "listLoans", summary = "Loans, newest first: a borrower's own; staff filter by borrowerId")
    public Uni<List<LoanView>> list(@QueryParam("borrowerId") @Size(max = Limits.NAME) String borrowerId,
                                    @QueryParam("page") @DefaultValue("0") int page,
                                    @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        var paging = Paging.page(page, size);
        Uni<List<Loan>> found;
        if (!caller.isStaff()) {
            found = repository.byBorrower(caller.id(), paging);
        } else if (borrowerId != null) {
            found = repository.byBorrower(borrowerId, paging);
        } else {
            found = repository.all(paging);
        }
        return found.chain(list -> prices.listAll().map(all -> {
            Map<String, AssetPrice> bySymbol = all.stream().collect(Collectors.toMap(p -> p.asset, p -> p));
            return list.stream().map(loan -> LoanView.of(loan, bySymbol.get(loan.collateralAsset), scaleOf(loan)))
                    .toList();
        }));
    }

    @GET
    @Path("{id}")
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(operationId = "getLoan", summary = "The dashboard of one loan: status, zone, LTV, debt, margin-call and liquidation prices")
    public Uni<LoanView> get(@PathParam("id") UUID id) {
        return repository.findById(id)
                .invoke(loan -> {
                    if (loan == null || !caller.maySee(loan.borrowerId)) {
                        throw Problems.notFound("loan", id);
                    }
                })
                .chain(this::view);
    }

    @POST
    @Path("{id}/repayments")
    @RolesAllowed(Roles.BORROWER)
    @APIResponse(responseCode = "200", description = "The loan after the repayment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoanView.class)))
    @Operation(operationId = "repayLoan", summary = "Repay: accrued interest first, then principal",
            description = "Paying the whole debt closes the loan (REPAID) and returns the collateral; more than the "
                    + "debt is refused (422 overpayment). 409 while the loan is LIQUIDATING or closed, and when a "
                    + "simultaneous change of the loan won. Requires an Idempotency-Key.")
    public Uni<Response> repay(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                               @Valid @NotNull AmountRequest request) {
        return idempotency.once(caller.id(), key, List.of("POST /api/loans/" + id + "/repayments", request),
                        () -> contacts.refresh(CallerContact.of(caller)).chain(() -> changes.repay(caller.id(), id, request.amount())).chain(this::view)
                                .map(view -> Response.ok(view).build()))
                .onFailure(LostRace::is).transform(LostRace::problem);
    }

    @POST
    @Path("{id}/collateral")
    @RolesAllowed(Roles.BORROWER)
    @APIResponse(responseCode = "200", description = "The loan after the top-up",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoanView.class)))
    @Operation(operationId = "addCollateral", summary = "Add collateral (in the loan's asset)",
            description = "409 while the loan is LIQUIDATING or closed. Requires an Idempotency-Key.")
    public Uni<Response> addCollateral(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                                       @Valid @NotNull AmountRequest request) {
        return idempotency.once(caller.id(), key, List.of("POST /api/loans/" + id + "/collateral", request),
                        () -> contacts.refresh(CallerContact.of(caller)).chain(() -> changes.addCollateral(caller.id(), id, request.amount())).chain(this::view)
                                .map(view -> Response.ok(view).build()))
                .onFailure(LostRace::is).transform(LostRace::problem);
    }

    @PUT
    @Path("{id}/auto-increase")
    @RolesAllowed(Roles.BORROWER)
    @WithTransaction
    @Operation(operationId = "setAutoIncrease", summary = "Switch auto increase (top-ups from the reserve) on or off",
            description = "Switched on while the loan is at or past its margin call, the reserve tops it up at once "
                    + "(see the reserve deposit). 409 while the loan is LIQUIDATING or closed.")
    public Uni<LoanView> setAutoIncrease(@PathParam("id") UUID id, @Valid @NotNull AutoIncreaseRequest request) {
        return contacts.refresh(CallerContact.of(caller)).chain(() -> changes.setAutoIncrease(caller.id(), id, request.enabled())).chain(this::view)
                .onFailure(LostRace::is).transform(LostRace::problem);
    }

    @GET
    @Path("{id}/timeline")
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(operationId = "getLoanTimeline", summary = "Every event of the loan, newest first: opened, top-ups, repayments, interest, zone "
            + "changes, margin calls, liquidation")
    public Uni<List<TimelineEntry>> timeline(@PathParam("id") UUID id,
                                             @QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        var paging = Paging.page(page, size);
        return repository.findById(id)
                .invoke(loan -> {
                    if (loan == null || !caller.maySee(loan.borrowerId)) {
                        throw Problems.notFound("loan", id);
                    }
                })
                .chain(loan -> LoanTimelineEntry.<LoanTimelineEntry>find("loanId", Sort.descending("occurredAt", "id"), id).page(paging).list())
                .map(entries -> entries.stream().map(LoanResource::entry).toList());
    }

    private static TimelineEntry entry(LoanTimelineEntry entry) {
        try {
            return new TimelineEntry(entry.eventId, entry.occurredAt, entry.type, entry.source,
                    EventJson.mapper().readTree(entry.payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable timeline entry " + entry.id, e);
        }
    }

    private Uni<LoanView> view(Loan loan) {
        return prices.findById(loan.collateralAsset).map(price -> LoanView.of(loan, price, scaleOf(loan)));
    }

    private int scaleOf(Loan loan) {
        return assets.scaleOf(loan);
    }
}
