package io.socialsync.webapp;

import io.socialsync.accounts.AccountFields;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.accounts.connect.AccountConnect;
import io.socialsync.accounts.connect.PendingPicks;
import io.socialsync.accounts.tokens.TokenPolicy;
import io.socialsync.domain.Invalid;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.Platform;
import io.socialsync.publish.runs.RateBudgets;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workspace's social accounts: platform, zone, token state and budget used; a banner per account that needs
 * reconnecting. Connect and Reconnect start the same OAuth flow as GET /social-accounts/connect/{platform}, bound
 * to this browser by the same cookie, and send the browser to the platform's consent page; its callback comes
 * back here with what happened as the notice, and a consent that reached several accounts is picked from here.
 */
@Controller
class AccountsPage {
    private static final int MAX_ACCOUNTS = 500;
    private final SocialAccountService accounts;
    private final TokenPolicy tokens;
    private final RateBudgets budgets;
    private final AccountConnect connect;
    private final PendingPicks picks;
    private final Clock clock;

    AccountsPage(SocialAccountService accounts, TokenPolicy tokens, RateBudgets budgets, AccountConnect connect,
                 PendingPicks picks, Clock clock) {
        this.picks = picks;
        this.accounts = accounts;
        this.tokens = tokens;
        this.budgets = budgets;
        this.connect = connect;
        this.clock = clock;
    }

    /** A platform as its Connect button names it; {@code unavailable}: why it cannot be connected here. */
    public record Connectable(String wire, String name, String unavailable) {
        static Connectable of(Platform p, AccountConnect connect) {
            return new Connectable(p.wire(), switch (p) {
                case INSTAGRAM -> "Instagram";
                case TIKTOK -> "TikTok";
                case YOUTUBE -> "YouTube";
                case FACEBOOK -> "Facebook";
            }, connect.cannotConnect(p).orElse(null));
        }
    }

    @GetMapping("/app/accounts")
    String page(Caller caller, @RequestParam(required = false) Long connection, Model model) {
        var now = clock.instant();
        if (connection != null) { // a consent that reached several accounts: the ones to connect are picked here
            var pending = picks.pending(caller.workspaceId(), connection);
            model.addAttribute("connection", pending.status().equals("pending") ? pending : null);
        }
        var rows = accounts.page(caller.workspaceId(), null, null, MAX_ACCOUNTS).stream()
                .map(a -> AccountRow.of(a, tokens.status(a, now), budgets.check(a, now))).toList();
        model.addAttribute("nav", "accounts");
        model.addAttribute("accounts", rows);
        model.addAttribute("reauth", rows.stream().filter(AccountRow::needsReauth).toList());
        model.addAttribute("platforms", Arrays.stream(Platform.values())
                .map(p -> Connectable.of(p, connect)).toList());
        return "webapp/accounts";
    }

    /** The accounts picked from a pending connection, as {@code POST /social-accounts/connections/{id}}. */
    @PostMapping("/app/accounts/connections/{id}")
    String choose(Caller caller, @PathVariable long id,
                  @RequestParam(name = "external_ids", required = false) List<String> externalIds,
                  RedirectAttributes flash) {
        caller.require(Role.EDITOR);
        var connected = picks.choose(caller.workspaceId(), id, externalIds, Actor.of(caller));
        flash.addFlashAttribute("notice", "Connected " + connected.accounts().stream().map(a -> "@" + a.handle())
                .collect(Collectors.joining(", ")) + ".");
        return "redirect:/app/accounts";
    }

    /** A POST (it creates the flow's state), so a link on another site cannot start one in this session. */
    @PostMapping("/app/accounts/connect/{platform}")
    String connect(Caller caller, @PathVariable String platform,
                   @RequestParam(name = "account_id", required = false) Long accountId,
                   @RequestParam(required = false) String timezone, HttpServletResponse response) {
        caller.require(Role.EDITOR);
        var errors = new Invalid.Collector();
        Platform p = AccountFields.platform(platform, errors);
        var zone = AccountFields.timezone(timezone == null || timezone.isBlank() ? "UTC" : timezone.trim(), errors);
        errors.throwIfAny();
        var started = connect.startInWebApp(caller.workspaceId(), Actor.of(caller), p, accountId, zone);
        response.addHeader(HttpHeaders.SET_COOKIE, connect.browserCookie(started).toString());
        return "redirect:" + started.url();
    }
}
