package io.shortfall.loan.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** One event of a loan's timeline: its type, who sent it, when, and its payload as it travelled. */
public record TimelineEntry(UUID eventId, Instant at, String type, String source, JsonNode payload) {
}
