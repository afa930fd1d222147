package io.shortfall.e2e.bench;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in to the web app as a browser is: the authorization code flow through Keycloak's own login form
 * (its cookies and the web app's session cookie kept by a cookie manager), without a browser, so that a benchmark
 * measures the pages and not the rendering.
 */
final class WebSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final String web;
    private final HttpClient http;

    private WebSession(String web, HttpClient http) {
        this.web = web;
        this.http = http;
    }

    static WebSession signIn(String web, String username, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new LocalCookies()).followRedirects(HttpClient.Redirect.ALWAYS)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(web + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher form = LOGIN_FORM.matcher(login.body());
        if (!form.find()) {
            throw new IllegalStateException("no Keycloak login form at " + login.uri() + " (" + login.statusCode() + ")");
        }
        String action = form.group(1).replace("&amp;", "&");
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> landed = http.send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (landed.statusCode() != 200 || !landed.uri().toString().startsWith(web)) {
            throw new IllegalStateException(username + " not signed in: " + landed.statusCode() + " at " + landed.uri());
        }
        return new WebSession(web, http);
    }

    /** GETs a page; returns its status after reading the whole body. */
    int get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(web + path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /**
     * Cookies as a browser keeps them for a local host: by host and name, whatever the port, and sent over plain HTTP
     * even when marked {@code Secure} (browsers treat {@code localhost} as a secure context; the JDK's CookieManager
     * does not, and Keycloak's login then fails for want of its session cookie). For the local suite only.
     */
    private static final class LocalCookies extends CookieHandler {

        private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            Map<String, String> jar = byHost.get(uri.getHost());
            if (jar == null || jar.isEmpty()) {
                return Map.of();
            }
            List<String> pairs = new ArrayList<>();
            jar.forEach((name, value) -> pairs.add(name + "=" + value));
            return Map.of("Cookie", List.of(String.join("; ", pairs)));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((header, values) -> {
                if (header == null || !header.equalsIgnoreCase("Set-Cookie")) {
                    return;
                }
                Map<String, String> jar = byHost.computeIfAbsent(uri.getHost(), h -> new LinkedHashMap<>());
                for (String cookie : values) {
                    String pair = cookie.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String name = pair.substring(0, eq).trim();
                    String value = pair.substring(eq + 1).trim();
                    String attributes = cookie.toLowerCase(Locale.ROOT);
                    synchronized (jar) {
                        if (value.isEmpty() || attributes.contains("max-age=0")
                                || attributes.contains("expires=thu, 01 jan 1970")) {
                            jar.remove(name);
                        } else {
                            jar.put(name, value);
                        }
                    }
                }
            });
        }
    }

    HttpClient client() {
        return http;
    }

    String url(String path) {
        return web + path;
    }
}
