package io.shortfall.infra;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresTest {

    @Test
    void startsARealServerWithOneDatabasePerNameOwnedByShortfall() throws Exception {
        int port;
        try (Postgres pg = Postgres.start(0, List.of("loan", "margin"))) {
            port = pg.port();
            assertTrue(port > 0);
            assertEquals("jdbc:postgresql://localhost:" + port + "/loan", pg.jdbcUrl("loan"));
            assertEquals("postgresql://localhost:" + port + "/margin", pg.reactiveUrl("margin"));
            for (String db : List.of("loan", "margin")) {
                try (Connection c = DriverManager.getConnection(pg.jdbcUrl(db), pg.username(), pg.password());
                     Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE t_" + db + " (id bigint PRIMARY KEY, note text)");
                    s.execute("INSERT INTO t_" + db + " VALUES (1, 'hello')");
                    try (ResultSet rs = s.executeQuery(
                            "SELECT current_user, current_database(), split_part(version(), ' ', 2), note FROM t_" + db)) {
                        assertTrue(rs.next());
                        assertEquals("shortfall", rs.getString(1));
                        assertEquals(db, rs.getString(2));
                        assertTrue(rs.getString(3).startsWith("18."), "PostgreSQL 18, got " + rs.getString(3));
                        assertEquals("hello", rs.getString(4));
                    }
                }
            }
        }
        assertFalse(FreePorts.isListening(port), "port " + port + " is free again after close");
    }
}
