package io.shortfall.kit.messaging;

import io.shortfall.events.MalformedEventException;
import io.vertx.pgclient.PgException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.DateTimeException;

/**
 * What to do with a failure to apply a record. Only what can pass is retried: the database unreachable
 * ({@link Kind#WAIT}, for as long as it takes: nothing can be applied meanwhile) and a lost race, a deadlock,
 * a lock or statement timeout ({@link Kind#RETRY}, a bounded number of times). A record that can never apply is
 * {@link Kind#POISON} at once: malformed or invariant-breaking content, a refusal of a value by the code, and
 * any database data or integrity error (SQLSTATE classes 22 and 23) or statement the database cannot run
 * (class 42), which no retry would change.
 */
public final class Failures {

    public enum Kind {
        /** Never applies: to the dead-letter topic at once. */
        POISON,
        /** May pass on another attempt (a lost race, a deadlock, a timeout). */
        RETRY,
        /** The database is out of reach: wait and try again, without bound. */
        WAIT
    }

    public static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException || t instanceof PoisonEventException
                    || t instanceof NullPointerException || t instanceof IllegalArgumentException
                    || t instanceof ArithmeticException || t instanceof DateTimeException
                    || t instanceof ClassCastException) {
                return Kind.POISON;
            }
            String state = sqlState(t);
            if (state != null) {
                return ofSqlState(state);
            }
            if (t instanceof ConnectException || t instanceof io.vertx.core.impl.NoStackTraceThrowable
                    && String.valueOf(t.getMessage()).toLowerCase().contains("connection")
                    || t.getClass().getName().equals("io.vertx.sqlclient.ClosedConnectionException")
                    || t.getClass().getName().equals("io.vertx.core.net.impl.ConnectionBase$ClosedException")) {
                return Kind.WAIT;
            }
        }
        return Kind.RETRY;
    }

    static Kind ofSqlState(String state) {
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) {
            return Kind.WAIT;     // connection exception, insufficient resources, server shutting down
        }
        if (state.startsWith("22") || state.startsWith("23") || state.startsWith("42") || state.startsWith("2B")
                || state.startsWith("XX")) {
            return Kind.POISON;   // data, integrity, syntax or access rule, dependent objects, internal
        }
        return Kind.RETRY;        // 40001 serialization, 40P01 deadlock, 55P03 lock not available, 57014 canceled
    }

    private static String sqlState(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }

    private Failures() {
    }
}
