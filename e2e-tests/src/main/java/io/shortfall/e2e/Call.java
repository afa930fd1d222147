package io.shortfall.e2e;

import java.util.concurrent.Callable;

/**
 * One call through a generated client, its checked {@code ApiException} (one class per service's client) turned
 * into an {@link IllegalStateException} that says what was asked and what the service answered.
 */
public final class Call {

    /** An answer other than 2xx: its status and body. */
    public static final class Refused extends IllegalStateException {
        private final int status;

        Refused(String what, int status, String body, Throwable cause) {
            super(what + " answered " + status + ": " + body, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private Call() {
    }

    public static <T> T of(String what, Callable<T> call) {
        try {
            return call.call();
        } catch (io.shortfall.client.loan.ApiException e) {
            throw new Refused(what, e.getCode(), e.getResponseBody(), e);
        } catch (io.shortfall.client.margin.ApiException e) {
            throw new Refused(what, e.getCode(), e.getResponseBody(), e);
        } catch (io.shortfall.client.liquidation.ApiException e) {
            throw new Refused(what, e.getCode(), e.getResponseBody(), e);
        } catch (io.shortfall.client.debt.ApiException e) {
            throw new Refused(what, e.getCode(), e.getResponseBody(), e);
        } catch (io.shortfall.client.notification.ApiException e) {
            throw new Refused(what, e.getCode(), e.getResponseBody(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(what + " failed: " + e, e);
        }
    }

    /** Whether {@code what} answers 2xx now (false on a 404: not there yet). */
    public static boolean found(String what, Callable<?> call) {
        try {
            of(what, call);
            return true;
        } catch (Refused e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }
}
