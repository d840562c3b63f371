package io.socialsync.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The browser tests' headless Debian chromium and its chromedriver (bin/setup-browser installs them). */
public final class Browsers {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String MISSING = "chromium and chromedriver are missing: run bin/setup-browser";

    private Browsers() {
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A fresh headless browser; {@code extraArguments} add to the flags every browser test needs. */
    public static ChromeDriver chrome(String... extraArguments) {
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        var options = new ChromeOptions().setBinary(new File(CHROMIUM.toString()))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--disable-component-update")
                .addArguments(extraArguments);
        return new ChromeDriver(service, options);
    }
}
