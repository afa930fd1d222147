package io.shortfall.infra;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The java launcher of the running JVM. */
final class Java {

    private Java() {
    }

    static String current() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path currentHome() {
        return Paths.get(System.getProperty("java.home"));
    }
}
