package io.shortfall.debt.rest;

import io.shortfall.kit.rest.Limits;
import jakarta.validation.constraints.Size;

/** Why, in words: the body of an offer's rejection, a payment's reversal, a write-off request, a pledge's decline. */
public record ReasonRequest(@Size(max = Limits.TEXT) String reason) {
}
