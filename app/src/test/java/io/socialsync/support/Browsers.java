package io.socialsync.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The browser tests' headless Debian chromium and its chromedriver (bin/setup-browser installs them). */
public final class Browsers {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String MISSING = "chromium and chromedriver are missing: run bin/setup-browser";
    /** The committed screenshots of the main pages, linked from the README. */
    private static final Path DOCS = Path.of("..", "docs", "screenshots");
    /** Where a test run leaves them unless asked to update the committed ones: the checkout stays as it was. */
    private static final Path BUILD = Path.of("target", "screenshots");

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

    /** Logs in through the form, as a person does, and waits for the library. */
    public static void logIn(ChromeDriver browser, String baseUrl, String email, String password) {
        browser.get(baseUrl + "/login");
        browser.findElement(By.name("username")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/app/library"));
    }

    /**
     * Logs out with the header's button and waits for the login page it lands on: a page asked for before then races
     * the logout's POST, which it may cancel, or which may end the session after that page was served.
     */
    public static void logOut(ChromeDriver browser) {
        browser.findElement(By.cssSelector("header form[action$='/logout'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login?logout"));
    }

    /** {name}.png of what the browser shows now, in {@link #screenshots()}. */
    public static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path dir = screenshots();
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** app/target/screenshots/, or docs/screenshots/ with {@code -Dscreenshots.update=true}. */
    static Path screenshots() {
        return Boolean.getBoolean("screenshots.update") ? DOCS : BUILD;
    }
}
