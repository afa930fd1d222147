package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One line of a case's timeline: the record of the case (docs/DOMAIN.md, "Debt collection"). */
@Entity
@Table(name = "case_entry")
public class CaseEntry extends PanacheEntityBase {

    public static final String CASE_OPENED = "CASE_OPENED";
    public static final String OFFERS_MADE = "OFFERS_MADE";

    @Id
    public UUID id;

    /** Written by the database: orders the entries of one instant as they were made. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String kind;

    /** Who did it: {@code SYSTEM}, the debtor's id, an agent's id. */
    @Column(name = "made_by", nullable = false)
    public String by;

    @Column(nullable = false)
    public String text;

    public static CaseEntry of(UUID caseId, Instant at, String kind, String by, String text) {
        CaseEntry entry = new CaseEntry();
        entry.id = UUID.randomUUID();
        entry.caseId = caseId;
        entry.at = at;
        entry.kind = kind;
        entry.by = by;
        entry.text = text;
        return entry;
    }
}
