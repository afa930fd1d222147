package io.shortfall.debt.repository;

import io.shortfall.debt.ContactAttempt;
import io.shortfall.debt.Message;
import io.shortfall.debt.Promise;
import io.shortfall.debt.domain.PromiseStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The records of a case file: the contacts logged, the promises made, the messages; each listed oldest first.
 */
@ApplicationScoped
public class CaseFileRepository {

    public Uni<List<ContactAttempt>> contacts(UUID caseId) {
        return ContactAttempt.<ContactAttempt>find("caseId = ?1 order by at, id", caseId).list();
    }

    public Uni<List<Promise>> promises(UUID caseId) {
        return Promise.<Promise>find("caseId = ?1 order by madeAt, id", caseId).list();
    }

    public Uni<List<Message>> messages(UUID caseId) {
        return Message.<Message>find("caseId = ?1 order by at, id", caseId).list();
    }

    /** The case's open promises, the earliest due first. */
    public Uni<List<Promise>> openPromises(UUID caseId) {
        return Promise.<Promise>find("caseId = ?1 and status = ?2 order by dueDate, madeAt", caseId, PromiseStatus.OPEN)
                .list();
    }

    /** The case's open promises due before {@code date}. */
    public Uni<List<Promise>> openPromisesDueBefore(UUID caseId, LocalDate date) {
        return Promise.<Promise>find("caseId = ?1 and status = ?2 and dueDate < ?3", caseId, PromiseStatus.OPEN, date)
                .list();
    }

    public Uni<ContactAttempt> add(ContactAttempt contact) {
        return contact.persist();
    }

    public Uni<Promise> add(Promise promise) {
        return promise.persist();
    }

    public Uni<Message> add(Message message) {
        return message.persist();
    }
}
