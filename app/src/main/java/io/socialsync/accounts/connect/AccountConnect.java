package io.socialsync.accounts.connect;

import static io.socialsync.platforms.OAuthConnect.cut;
import static io.socialsync.accounts.connect.ConnectText.name;
import static io.socialsync.accounts.connect.ConnectText.refused;

import io.socialsync.accounts.SocialAccountService;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.domain.Conflict;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.Unavailable;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.ConnectCandidate;
import io.socialsync.platforms.ConnectOutcome;
import io.socialsync.platforms.ConnectSettings;
import io.socialsync.platforms.OAuthConnect;
import io.socialsync.platforms.OAuthConnector;
import io.socialsync.platforms.Platform;
import io.socialsync.secrets.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Connecting an account by OAuth: {@link #start} makes the provider's consent URL with a {@code state} (256 random
 * bits; the row keeps its SHA-256 with the workspace, the caller, the platform and the sealed PKCE verifier),
 * {@link #callback} takes the state once, exchanges the code and stores the account exactly as a pasted one
 * ({@link ConnectedAccounts}), or keeps the accounts to pick from ({@link PendingPicks}). A reconnect
 * ({@code accountId}) repairs that account in place and refuses any other.
 */
@NamedInterface("connect")
@Service
public class AccountConnect {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);
    /** Starts the browser cookie of a flow the web app started (not in base64url's alphabet, so never by chance). */
    private static final String WEB_APP = "app.";
    private final OAuthConnect flow;
    private final ConnectStates states;
    private final ConnectedAccounts connected;
    private final PendingPicks picks;
    private final SocialAccountService accounts;
    private final SecretBox secrets;
    private final ConnectSettings settings;
    private final String publicUrl;
    private final Clock clock;

    AccountConnect(OAuthConnect flow, ConnectStates states, ConnectedAccounts connected, PendingPicks picks,
                   SocialAccountService accounts, SecretBox secrets, ConnectSettings settings,
                   SocialSyncProperties properties, Clock clock) {
        this.flow = flow;
        this.states = states;
        this.connected = connected;
        this.picks = picks;
        this.accounts = accounts;
        this.secrets = secrets;
        this.settings = settings;
        String base = properties.storage().publicBaseUrl();
        this.publicUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.clock = clock;
    }

    /**
     * A started flow: the consent URL, and for a browser the value of the cookie ({@link #cookieName}) its callback
     * must bring back.
     */
    public record Started(String url, String browserNonce) {
        @Override
        public String toString() {
            return "Started[" + url + "]";
        }
    }

    /**
     * The provider's consent URL for a new account of {@code platform}, or to repair {@code accountId}. A flow a
     * browser starts is bound to that browser: otherwise anyone could start one in their workspace and have
     * someone else's consent land there (the account-linking form of login CSRF). An API client's flow cannot be
     * bound (the person consents in some browser); its state alone is the credential.
     */
    public Started start(long workspaceId, Actor actor, Platform platform, Long accountId, ZoneId timezone,
                         boolean browser) {
        return start(workspaceId, actor, platform, accountId, timezone, browser ? random() : null);
    }

    /**
     * {@link #start} for the web app's Connect and Reconnect buttons: bound to the browser the same way, and its
     * callback goes back to the web app ({@link #fromWebApp}) instead of answering JSON.
     */
    public Started startInWebApp(long workspaceId, Actor actor, Platform platform, Long accountId, ZoneId timezone) {
        return start(workspaceId, actor, platform, accountId, timezone, WEB_APP + random());
    }

    /**
     * Whether the callback's browser cookie is one {@link #startInWebApp} set. The callback still checks the cookie
     * against the state; this only chooses how the outcome is shown, so a cookie its own browser edited changes
     * nothing but that.
     */
    public static boolean fromWebApp(String browserNonce) {
        return browserNonce != null && browserNonce.startsWith(WEB_APP);
    }

    private Started start(long workspaceId, Actor actor, Platform platform, Long accountId, ZoneId timezone,
                          String nonce) {
        var connector = connector(platform);
        ZoneId zone = timezone;
        if (accountId != null) {
            var account = accounts.get(workspaceId, accountId);
            if (account.platform() != platform) {
                throw Invalid.field("account_id", "account " + accountId + " is a " + account.platform().wire()
                        + " account: reconnect it at /social-accounts/connect/" + account.platform().wire());
            }
            zone = account.timezone();
        }
        String state = random();
        String redirect = publicUrl + "/social-accounts/connect/" + platform.wire() + "/callback";
        var authorization = flow.authorize(platform, redirect, state);
        Instant now = now();
        states.purge(now.minus(KEEP_EXPIRED));
        states.insert(new ConnectState(sha256(state), workspaceId, platform, actor, accountId, zone, redirect,
                authorization.codeVerifier() == null ? null : secrets.seal(authorization.codeVerifier()),
                nonce == null ? null : sha256(nonce), now, now.plus(settings.stateTtl()), null));
        return new Started(authorization.url(), nonce);
    }

    /** One cookie per flow, so two connections started in one browser do not overwrite each other's. */
    public static String cookieName(String state) {
        return "socialsync_connect_" + sha256(state).substring(0, 16);
    }

    /**
     * The cookie that binds a browser-started flow to that browser: the callback compares it with the state's
     * nonce. Only the callback's path sees it; the API and the web app both start flows with it.
     */
    public ResponseCookie browserCookie(Started started) {
        String state = UriComponentsBuilder.fromUriString(started.url()).build().getQueryParams().getFirst("state");
        return ResponseCookie.from(cookieName(state), started.browserNonce()).httpOnly(true).secure(secureCookies())
                .sameSite("Lax").path("/social-accounts/connect/").maxAge(stateTtl()).build();
    }

    public boolean secureCookies() {
        return publicUrl.startsWith("https://");
    }

    public Duration stateTtl() {
        return settings.stateTtl();
    }

    /**
     * The provider's redirect back. The state is spent before anything else, so a replayed callback (the same
     * code and state) is refused even while the first one is still talking to the provider.
     */
    public ConnectResult callback(Platform platform, String state, String code, String error, String description,
                                  String browserNonce) {
        if (state == null || state.isBlank()) {
            throw refused("No state", "the callback carries no state, so SocialSync cannot tell which connection it "
                    + "belongs to: start the connection again");
        }
        String hash = sha256(state);
        var row = states.byHash(hash).orElseThrow(() -> refused("Unknown connection", "SocialSync did not start "
                + "this connection, or its link was changed on the way: start the connection again"));
        if (!states.use(hash, now())) {
            throw refused("Connection already completed", "this sign-in was already used once; each sign-in "
                    + "completes one connection. Start the connection again to connect another account");
        }
        if (row.platform() != platform) {
            throw refused("Unknown connection", "this sign-in was started for " + row.platform().wire()
                    + ", not " + platform.wire() + ": start the connection again");
        }
        if (row.browserHash() != null && (browserNonce == null || !MessageDigest.isEqual(
                sha256(browserNonce).getBytes(StandardCharsets.US_ASCII),
                row.browserHash().getBytes(StandardCharsets.US_ASCII)))) {
            throw refused("Another browser", "this sign-in was started in another browser. SocialSync completes a "
                    + "connection only in the browser that started it, so nobody can slip an account into a "
                    + "workspace through someone else's consent: start the connection again in this browser");
        }
        if (now().isAfter(row.expiresAt())) {
            throw refused("Connection expired", "the sign-in took longer than " + settings.stateTtl().toMinutes()
                    + " minutes: start the connection again");
        }
        var connector = connector(platform);
        if (error != null && !error.isBlank()) {
            throw denied(platform, connector, error, description);
        }
        if (code == null || code.isBlank()) {
            throw refused("No code", name(platform) + " sent no authorization code: start the connection again");
        }
        String verifier = row.codeVerifierEnc() == null ? null : secrets.open(row.codeVerifierEnc());
        return switch (flow.complete(platform, row.redirectUri(), state, code, verifier)) {
            case ConnectOutcome.Refused r -> throw refused("Connection refused", r.reason());
            case ConnectOutcome.Unavailable u -> throw new Unavailable(name(platform) + " unavailable", u.reason());
            case ConnectOutcome.Found f -> found(row, connector, f.candidates());
        };
    }

    private ConnectResult found(ConnectState row, OAuthConnector connector, List<ConnectCandidate> found) {
        long ws = row.workspaceId();
        if (row.accountId() != null) {
            return new ConnectResult.Connected(List.of(connected.reconnect(ws, row.accountId(), connector, found,
                    row.actor())));
        }
        if (row.platform() == Platform.TIKTOK && found.size() == 1) { // one creator per sign-in: nothing to pick
            return new ConnectResult.Connected(List.of(connected.connect(ws, row.platform(), row.timezone(),
                    connector, found.getFirst(), row.actor())));
        }
        return picks.park(ws, row.platform(), row.timezone(), found);
    }

    /** Why accounts of {@code platform} cannot be connected by OAuth here (what to configure), or empty. */
    public Optional<String> cannotConnect(Platform platform) {
        try {
            connector(platform);
            return Optional.empty();
        } catch (Conflict e) {
            return Optional.of(e.detail());
        }
    }

    private OAuthConnector connector(Platform platform) {
        var connector = flow.connector(platform).orElseThrow(() -> new Conflict("SocialSync cannot connect "
                + platform.wire() + " accounts by OAuth"));
        if (!connector.configured()) {
            throw new Conflict(connector.notConfigured());
        }
        return connector;
    }

    private static Invalid denied(Platform platform, OAuthConnector connector, String error, String description) {
        if ("access_denied".equals(error)) {
            return refused("Consent denied", name(platform) + " says the permission request was declined, so "
                    + "nothing was connected. To connect, start again and allow every permission SocialSync asks "
                    + "for (" + String.join(", ", connector.scopes(platform)) + "): it needs them to publish and "
                    + "to read insights");
        }
        String said = description == null || description.isBlank() ? "" : ": " + cut(description);
        return refused("Connection failed", name(platform) + " ended the sign-in with the error " + cut(error)
                + said + ". Start the connection again");
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
