package org.parley.service.ui;

import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Debian {@code chromium} and {@code chromium-driver}, headless (docs/DEPENDENCIES.md).
 * Naming the driver keeps Selenium Manager, which would go to the network, from running. A missing
 * browser fails the tests: CI installs it ({@code .ci/run}), so skipping would hide a broken set-up.
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    static ChromeDriver start(Path scratch) throws IOException {
        assertTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "the browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        Path profile = Files.createDirectories(scratch.resolve("profile"));
        Path xdg = Files.createDirectories(scratch.resolve("xdg"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile,
                // Chromium's own look-ups of outside hosts go nowhere; the app on localhost still works.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");
        // An alert that the page should never open is left open, so a test can see it.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .withEnvironment(Map.of("XDG_CONFIG_HOME", xdg.toString(), "XDG_CACHE_HOME", xdg.toString()))
                .build();
        return new ChromeDriver(service, options);
    }
}
