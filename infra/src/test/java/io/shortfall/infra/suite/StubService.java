package io.shortfall.infra.suite;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * Stands in for a Quarkus service in {@link SuiteTest}: answers {@code /q/health/ready} and shows
 * the {@code quarkus.*}, {@code kafka.*} and {@code shortfall.*} system properties it was started with at {@code /props}.
 */
public final class StubService {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getProperty("quarkus.http.port"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/q/health/ready", ex -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/props", ex -> {
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(System.getProperties()).forEach((k, v) -> {
                String key = k.toString();
                if (key.startsWith("quarkus.") || key.startsWith("kafka.") || key.startsWith("shortfall.")) {
                    sb.append(key).append('=').append(v).append('\n');
                }
            });
            byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        System.out.println("stub service up on " + port);
    }
}
