package io.shortfall.debt.service;

import io.shortfall.debt.DebtCase;
import io.shortfall.debt.repository.EmailSentRepository;
import io.shortfall.debt.rest.DebtCaseView;
import io.shortfall.events.EventTypes;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.NotificationEvents;
import io.shortfall.kit.messaging.BatchScope;
import io.shortfall.kit.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The emails notification-service sent ({@code EmailSent}), kept so a case's timeline shows each email about it:
 * those naming the case, and those about the liquidation that opened it (its receipt, the negative balance), which
 * name only the loan. Read with the case, so an email announced before its case was opened still shows once it is.
 * A batch's emails are written together, once each (the delivery id is the key).
 */
@ApplicationScoped
public class EmailProjection {

    public static final String KIND = "EMAIL_SENT";
    public static final String BY = "notification-service";
    /** Emails about a loan that belong to the case its liquidation opened: by the wire name of the event they told. */
    static final List<String> ABOUT_THE_LIQUIDATION = Arrays.stream(LiquidationEvents.Type.values())
            .filter(EmailProjection::aboutTheLiquidation).map(EventTypes::nameOf).toList();
    private static final String GATHERED = EmailProjection.class.getName() + ".gathered";

    /** Whether an email about an event of this type tells of the liquidation that opened a case. */
    private static boolean aboutTheLiquidation(LiquidationEvents.Type type) {
        return switch (type) {
            case LIQUIDATION_COMPLETED, NEGATIVE_BALANCE_RECORDED, INSURANCE_FUND_DRAWN -> true;
            case PLEDGE_SOLD -> false;
        };
    }

    private final EmailSentRepository emails;

    public EmailProjection(EmailSentRepository emails) {
        this.emails = emails;
    }

    /** Starts gathering a consumer batch's emails. */
    public void gather() {
        BatchScope.put(GATHERED, new ArrayList<NotificationEvents.EmailSent>());
    }

    public Uni<Void> onSent(NotificationEvents.EmailSent sent) {
        if (sent.deliveryId() == null || sent.borrowerId() == null || sent.notificationType() == null
                || sent.sentAt() == null) {
            throw new PoisonEventException("EmailSent without deliveryId, borrowerId, notificationType or sentAt");
        }
        var gathered = BatchScope.<List<NotificationEvents.EmailSent>>get(GATHERED);
        if (gathered.isPresent()) {
            gathered.get().add(sent);
            return Uni.createFrom().voidItem();
        }
        return write(List.of(sent));
    }

    /** Writes the emails gathered since {@link #gather()}, in one statement. */
    public Uni<Void> writeGathered() {
        List<NotificationEvents.EmailSent> gathered =
                BatchScope.<List<NotificationEvents.EmailSent>>get(GATHERED).orElse(List.of());
        BatchScope.put(GATHERED, new ArrayList<NotificationEvents.EmailSent>());
        return write(gathered);
    }

    private Uni<Void> write(List<NotificationEvents.EmailSent> sent) {
        return sent.isEmpty() ? Uni.createFrom().voidItem() : emails.addAll(sent);
    }

    /**
     * The emails of {@code debtCase}'s timeline, oldest first: only those sent to its debtor (a pledge someone
     * offered to a case not theirs is answered to them, naming that case, and is none of its debtor's business).
     */
    public Uni<List<DebtCaseView.TimelineEntry>> timelineOf(DebtCase debtCase) {
        return emails.toldInCase(debtCase.debtorId, debtCase.id, debtCase.loanId, ABOUT_THE_LIQUIDATION)
                .map(rows -> rows.stream().map(row -> new DebtCaseView.TimelineEntry(instant(row[0]), KIND, BY,
                        "Email sent: " + (row[1] != null ? row[1] : row[2]))).toList());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("sent_at read as " + value.getClass());
    }
}
