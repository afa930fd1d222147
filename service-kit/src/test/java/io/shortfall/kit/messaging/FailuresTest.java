package io.shortfall.kit.messaging;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a consumer does with a database failure, however deeply Hibernate and Mutiny wrapped it. */
class FailuresTest {

    @ParameterizedTest
    @CsvSource({
            "22021, POISON",   // a NUL byte in text
            "22003, POISON",   // numeric out of range
            "22008, POISON",   // date out of range
            "23505, POISON",   // unique violation
            "23514, POISON",   // check violation
            "42703, POISON",   // undefined column
            "40001, RETRY",    // serialization failure
            "40P01, RETRY",    // deadlock
            "55P03, RETRY",    // lock not available
            "57014, RETRY",    // statement timeout
            "08006, WAIT",     // connection failure
            "53300, WAIT",     // too many connections
            "57P01, WAIT"})    // admin shutdown
    void aDatabaseFailureIsClassifiedByItsSqlState(String state, Failures.Kind kind) {
        PgException pg = new PgException("failed", "ERROR", state, null);
        assertThat(Failures.classify(pg)).isEqualTo(kind);
        assertThat(Failures.classify(new CompletionException(new SQLException("wrapped", state, pg))))
                .isEqualTo(kind);
        assertThat(Failures.classify(new RuntimeException(new SQLException("wrapped by Hibernate", state))))
                .isEqualTo(kind);
    }
}
