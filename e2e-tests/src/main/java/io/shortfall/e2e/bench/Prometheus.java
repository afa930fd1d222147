package io.shortfall.e2e.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a service's {@code /q/metrics} (Prometheus text), as a scraper would. */
public final class Prometheus {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Prometheus() {
    }

    /** The sum of the samples of {@code name} whose labels contain every {@code label="value"} given. */
    public static BigDecimal sum(String serviceUrl, String name, String... labels) {
        String text;
        try {
            text = HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + serviceUrl + "/q/metrics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (String line : text.split("\n")) {
            if (!(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                total = total.add(new BigDecimal(value.equals("NaN") ? "0" : value));
            }
        }
        return total;
    }
}
