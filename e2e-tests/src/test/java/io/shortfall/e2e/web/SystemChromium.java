package io.shortfall.e2e.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The operating system's Chromium (Debian's {@code chromium} package, which {@code .ci/run} installs when missing),
 * driven headless by Playwright. Playwright's own browser download is not used: it is not reachable from every
 * build machine. {@code SHORTFALL_CHROMIUM} names another executable.
 */
final class SystemChromium {

    private SystemChromium() {
    }

    static Path executable() {
        String custom = System.getenv("SHORTFALL_CHROMIUM");
        Path path = Path.of(custom != null && !custom.isBlank() ? custom : "/usr/bin/chromium");
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("No Chromium at " + path + ": install the OS package (apt-get install"
                    + " chromium; .ci/run does) or set SHORTFALL_CHROMIUM to a Chromium executable");
        }
        return path;
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Headless, without the background traffic a closed network refuses (updates, sync, safe browsing). */
    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--disable-features=Translate,OptimizationHints,MediaRouter")));
    }
}
