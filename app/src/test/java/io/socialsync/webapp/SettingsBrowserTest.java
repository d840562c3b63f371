package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.socialsync.apikey.ApiKeyService;
import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.rules.RulesService;
import io.socialsync.support.Browsers;
import io.socialsync.support.ServerTest;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Settings in a real browser, with a real SMTP server (GreenMail) taking the mails: the owner creates an API key
 * and sees it once, adds a webhook whose test event reaches a WireMock receiver and is listed delivered, saves posting rules as a new version, invites a member by email; the invitee opens the mailed
 * link, sets a password and lands in the workspace; a forgotten password is reset through the mailed link; a viewer
 * sees no edit controls and a forged post is a 403 problem.
 */
class SettingsBrowserTest extends ServerTest {
    private static final String PASSWORD = "settings password";
    private static final Pattern LINK = Pattern.compile("(http://\\S+\\?token=[A-Za-z0-9_-]+)");
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @Autowired People people;
    @Autowired Workspaces workspaces;
    @Autowired RulesService rules;
    @Autowired ApiKeyService keys;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private WireMockServer receiver;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("socialsync.webhooks.allow-private-networks", () -> "true"); // the receiver is on loopback
    }

    @AfterAll
    static void stopMail() {
        SMTP.stop();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (receiver != null) {
            receiver.stop();
        }
    }

    @Test
    void theOwnerManagesKeysRulesAndMembersAndMailedLinksWorkInTheBrowser() throws Exception {
        assumeTrue(Browsers.available(), Browsers.MISSING);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String studio = "Studio " + run;
        long ws = workspaces.create(studio).id();
        String owner = "owner-" + run + "@example.com";
        String viewer = "viewer-" + run + "@example.com";
        String guest = "guest-" + run + "@example.com";
        people.create(owner, "Olga", PASSWORD, ws, Role.ADMIN, Actor.CLI);
        people.create(viewer, "Vic", PASSWORD, ws, Role.VIEWER, Actor.CLI);

        browser = Browsers.chrome();
        browser.manage().window().setSize(new Dimension(1280, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
        logIn(owner, PASSWORD);

        // an API key with a role: its secret shows once, and it works
        browser.get(base() + "/app/settings");
        tab("API keys");
        browser.findElement(By.name("name")).sendKeys("CI uploader");
        new Select(browser.findElement(By.cssSelector("#add-key select[name=role]"))).selectByValue("editor");
        browser.findElement(By.cssSelector("#add-key button")).click();
        notice("shown this once");
        String secret = browser.findElement(By.id("secret")).getText();
        assertThat(keys.authenticate(secret)).hasValueSatisfying(c -> assertThat(c.role()).isEqualTo(Role.EDITOR));
        assertThat(browser.findElement(By.id("keys")).getText()).contains("CI uploader", "editor");
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("secret"))).as("shown once").isEmpty();

        // a webhook: its secret shows once; a test event is delivered and listed; disabled, it offers no actions
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        tab("Webhooks");
        browser.findElement(By.name("url")).sendKeys("http://127.0.0.1:" + receiver.port() + "/hook");
        browser.findElement(By.cssSelector("#add-webhook button")).click();
        notice("signing secret");
        assertThat(browser.findElement(By.id("secret")).getText()).startsWith("whsec_");
        browser.navigate().refresh(); // a GET of the page (app.js replaced the POST's history entry): no second hook
        assertThat(browser.findElements(By.id("secret"))).as("shown once").isEmpty();
        assertThat(browser.findElements(By.cssSelector("article.endpoint"))).hasSize(1);
        var endpoint = browser.findElement(By.cssSelector("article.endpoint"));
        String endpointId = endpoint.getDomAttribute("data-endpoint-id");
        endpoint.findElement(By.xpath(".//button[text()='Send test']")).click();
        notice("Test delivery");
        var delivered = By.cssSelector("tr[data-state='DELIVERED']");
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(500)).until(d -> {
            d.navigate().refresh(); // the page shows the deliveries as of its load
            return !d.findElements(delivered).isEmpty();
        });
        assertThat(browser.findElement(delivered).getText()).contains("ping", "HTTP 204");
        receiver.verify(1, postRequestedFor(urlEqualTo("/hook")));
        browser.findElement(By.linkText("All webhooks")).click();
        // the list, not the endpoint's page still showing: only the list has the endpoint's article
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("article.endpoint[data-endpoint-id='" + endpointId + "'] button.danger"))).click();
        notice("Webhook " + endpointId + " disabled"); // the page after the POST: the one before is still there a moment
        var disabled = browser.findElement(By.cssSelector("article.endpoint[data-endpoint-id='" + endpointId + "']"));
        assertThat(disabled.getText()).contains("disabled", "ping");
        assertThat(disabled.findElements(By.tagName("button"))).isEmpty();

        // posting windows: the saved set is the new active version
        tab("Posting rules");
        assertThat(browser.findElement(By.id("version")).getDomAttribute("data-version")).isEqualTo("0");
        var opens = browser.findElement(By.name("instagram.window_start_hour"));
        opens.clear();
        opens.sendKeys("10");
        var gap = browser.findElement(By.name("instagram.min_gap_minutes"));
        gap.clear();
        gap.sendKeys("45");
        browser.findElement(By.cssSelector("#rules button[type=submit]")).click();
        notice("Saved version 1");
        assertThat(browser.findElement(By.id("version")).getDomAttribute("data-version")).isEqualTo("1");
        assertThat(browser.findElement(By.id("history")).getText()).contains("Version 1");
        assertThat(rules.active(ws).rules().values()).anySatisfy(r -> {
            assertThat(r.windowStartHour()).isEqualTo(10);
            assertThat(r.minGapMinutes()).isEqualTo(45);
        });
        shot("settings");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth;"))
                .as("the rules fit a phone").isLessThanOrEqualTo(390L);
        assertThat(browser.findElement(By.name("facebook.min_gap_minutes")).isDisplayed()).isTrue();
        shot("settings-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // an invitation by email; the invitee opens the mailed link, sets a password and is in
        tab("Members");
        browser.findElement(By.cssSelector("#invite input[name=email]")).sendKeys(guest);
        new Select(browser.findElement(By.cssSelector("#invite select[name=role]"))).selectByValue("editor");
        browser.findElement(By.cssSelector("#invite button")).click();
        notice("Invitation mailed to " + guest);
        String invitation = mailedLink(guest);
        assertThat(invitation).startsWith(base() + "/app/invitations/accept?token=");
        logOut();
        browser.get(invitation);
        assertThat(browser.findElement(By.id("offer")).getText()).contains(studio, "editor", guest);
        browser.findElement(By.name("display_name")).sendKeys("Gus");
        browser.findElement(By.name("password")).sendKeys("guest password");
        browser.findElement(By.name("password_again")).sendKeys("guest password");
        browser.findElement(By.cssSelector("#accept button")).click();
        wait.until(ExpectedConditions.urlContains("/app/library"));
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains(guest);
        assertThat(browser.findElement(By.id("role")).getText()).isEqualTo("editor");
        browser.get(invitation);
        assertThat(browser.findElement(By.id("unknown")).getText()).contains("already used");
        logOut();

        // a forgotten password: the mailed link's page sets a new one
        browser.findElement(By.linkText("Forgot your password?")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reset"))).findElement(By.name("email"))
                .sendKeys(guest); // the reset page's form, not the login page still showing
        browser.findElement(By.cssSelector("#reset button")).click();
        // #sent is only on the page the POST answers (the form page before it has the same #reset)
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sent"))).getText())
                .contains("If an account has this address");
        String reset = mailedLink(guest);
        assertThat(reset).startsWith(base() + "/app/password-reset/confirm?token=");
        browser.get(reset);
        browser.findElement(By.name("password")).sendKeys("a new guest password");
        browser.findElement(By.name("password_again")).sendKeys("a new guest password");
        browser.findElement(By.cssSelector("#confirm button")).click();
        wait.until(ExpectedConditions.urlContains("/login?reset"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("new password is set");
        logIn(guest, "a new guest password");
        logOut();

        // a viewer: no edit controls anywhere in settings, and a forged post (good CSRF token) is a 403 problem
        logIn(viewer, PASSWORD);
        browser.get(base() + "/app/settings");
        assertThat(browser.findElements(By.cssSelector("main form"))).isEmpty();
        assertThat(browser.findElements(By.linkText("API keys"))).isEmpty();
        tab("Members");
        assertThat(browser.findElement(By.id("members")).getText()).contains(owner, guest, viewer);
        assertThat(browser.findElements(By.cssSelector("#invite, #members select"))).isEmpty();
        tab("Webhooks"); // else "no form" would hold on the members page still showing
        assertThat(browser.findElements(By.id("add-webhook"))).isEmpty();
        @SuppressWarnings("unchecked")
        var forged = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const meta = n => document.querySelector('meta[name="' + n + '"]').content;
                fetch('/app/settings/api-keys', {method: 'POST', headers: {
                    [meta('csrf-header')]: meta('csrf-token'), 'HX-Request': 'true',
                    'Content-Type': 'application/x-www-form-urlencoded'}, body: 'name=forged&role=admin'})
                  .then(async r => done({status: r.status, type: r.headers.get('Content-Type'), body: await r.text()}));
                """);
        assertThat(forged.get("status")).isEqualTo(403L);
        assertThat((String) forged.get("type")).startsWith("application/problem+json");
        assertThat((String) forged.get("body")).contains("admin role");
        assertThat(keys.list(ws)).hasSize(1);
    }

    /**
     * Follows a settings tab and waits for its page, the one where that tab is current: right after the click the
     * page before may still be showing, and reading it fails (no such element) or passes for the wrong page.
     */
    private void tab(String name) {
        browser.findElement(By.linkText(name)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("nav.tabs a[aria-current=page]"), name));
    }

    /** Waits for the page the last click loads to say this (the old page may still be showing). */
    private void notice(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), text));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void logIn(String email, String password) {
        Browsers.logIn(browser, base(), email, password);
    }

    private void logOut() {
        Browsers.logOut(browser);
    }

    /** The link in the one mail the address got since the last call (GreenMail waits for it, no sleeping). */
    private String mailedLink(String address) throws Exception {
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        var mail = Arrays.stream(SMTP.getReceivedMessagesForDomain(address)).findFirst().orElseThrow();
        SMTP.purgeEmailFromAllMailboxes();
        var link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private void shot(String name) throws IOException {
        Browsers.screenshot(browser, name);
    }
}
