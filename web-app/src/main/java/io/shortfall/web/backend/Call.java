package io.shortfall.web.backend;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs one call of a generated client and turns its checked ApiException (one class per generated client) into a
 * {@link ServiceRefused}.
 */
public final class Call {

    @FunctionalInterface
    public interface ClientCall<T> {
        T call() throws Exception;
    }

    private Call() {
    }

    /** What a started call answered; its refusal thrown as {@link #of} throws it. */
    public static <T> T answer(CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw e;
        }
    }

    public static <T> T of(ClientCall<T> call) {
        try {
            return call.call();
        } catch (io.shortfall.client.loan.ApiException e) {
            throw ServiceRefused.of(e.getCode(), e.getResponseBody(), e);
        } catch (io.shortfall.client.margin.ApiException e) {
            throw ServiceRefused.of(e.getCode(), e.getResponseBody(), e);
        } catch (io.shortfall.client.liquidation.ApiException e) {
            throw ServiceRefused.of(e.getCode(), e.getResponseBody(), e);
        } catch (io.shortfall.client.debt.ApiException e) {
            throw ServiceRefused.of(e.getCode(), e.getResponseBody(), e);
        } catch (io.shortfall.client.notification.ApiException e) {
            throw ServiceRefused.of(e.getCode(), e.getResponseBody(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw ServiceRefused.of(0, null, e);
        }
    }
}
