package io.shortfall.testing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Reads a sample of {@code /q/metrics} (Prometheus text, no token needed) as a scraper would. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The value of the sample {@code name} whose labels include {@code labels} (name, value, ...); zero when
     * there is none yet.
     */
    public static BigDecimal value(String name, String... labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ") && wanted.isEmpty()) {
                return new BigDecimal(line.substring(name.length() + 1).trim().split(" ")[0]);  // a sample without labels
            }
            if (!line.startsWith(name + "{")) {
                continue;
            }
            int close = line.lastIndexOf('}');
            Map<String, String> found = new HashMap<>();
            for (String pair : line.substring(name.length() + 1, close).split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    found.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim().replace("\"", ""));
                }
            }
            if (found.entrySet().containsAll(wanted.entrySet())) {
                return new BigDecimal(line.substring(close + 1).trim().split(" ")[0]);
            }
        }
        return BigDecimal.ZERO;
    }
}
