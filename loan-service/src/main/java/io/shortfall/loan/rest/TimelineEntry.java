package io.shortfall.loan.rest;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** One event of a loan's timeline: its type, who sent it, when, and its payload as it travelled. */
public record TimelineEntry(@NotNull UUID eventId, @NotNull Instant at, @NotNull String type, @NotNull String source,
                            @NotNull JsonNode payload) {
}
