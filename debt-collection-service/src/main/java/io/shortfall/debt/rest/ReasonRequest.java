package io.shortfall.debt.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.shortfall.kit.rest.Limits;
import jakarta.validation.constraints.Size;

/** Why, in words: the body of an offer's rejection, a payment's reversal, a write-off request, a pledge's decline. */
public record ReasonRequest(@Schema(required = true) @Size(max = Limits.TEXT) String reason) {
}
