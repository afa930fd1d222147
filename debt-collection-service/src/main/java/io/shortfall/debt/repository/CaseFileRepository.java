package io.shortfall.debt.repository;

import io.shortfall.debt.ContactAttempt;
import io.shortfall.debt.Message;
import io.shortfall.debt.Promise;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The records a case file lists, each oldest first: the contacts logged, the promises made, the messages. */
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
}
