package io.socialsync.accounts.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.socialsync.accounts.AccountFields;
import io.socialsync.accounts.connect.AccountConnect;
import io.socialsync.accounts.connect.ConnectResult;
import io.socialsync.accounts.connect.PendingPicks;
import io.socialsync.accounts.tokens.TokenPolicy;
import io.socialsync.domain.DomainException;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.Platform;
import io.socialsync.web.Answers;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Connecting accounts by OAuth. The callback is the one path here without credentials: the provider's redirect
 * carries only the code and the state, and the state names the workspace and the caller who started the flow.
 */
@RestController
@RequestMapping("/social-accounts")
public class ConnectController {
    private static final String WEB_APP_ACCOUNTS = "/app/accounts";
    private final AccountConnect connect;
    private final PendingPicks picks;
    private final TokenPolicy tokens;
    private final Clock clock;

    public ConnectController(AccountConnect connect, PendingPicks picks, TokenPolicy tokens, Clock clock) {
        this.connect = connect;
        this.picks = picks;
        this.tokens = tokens;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConnectView(String status, List<AccountView> accounts, PendingView connection) {
    }

    public record PendingView(long id, String platform, String status, Instant expiresAt,
                              List<ConnectResult.Choice> candidates, String choose) {
    }

    public record Choose(List<String> externalIds) {
    }

    @GetMapping("/connect/{platform}")
    @Operation(summary = "Start connecting an account: 302 to the platform's consent page (or, with Accept: "
            + "application/json, {\"authorization_url\"}); account_id reconnects that account")
    @Answers({200, 302})
    ResponseEntity<?> start(Caller caller, @PathVariable String platform,
                            @RequestParam(name = "account_id", required = false) Long accountId,
                            @RequestParam(required = false) String timezone,
                            @RequestHeader(name = "Accept", required = false) String accept) {
        boolean json = accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(m -> m.isCompatibleWith(MediaType.APPLICATION_JSON) && !m.isWildcardType());
        caller.require(Role.EDITOR);
        var errors = new Invalid.Collector();
        Platform p = AccountFields.platform(platform, errors);
        var zone = AccountFields.timezone(timezone == null ? "UTC" : timezone, errors);
        errors.throwIfAny();
        var started = connect.start(caller.workspaceId(), Actor.of(caller), p, accountId, zone, !json);
        if (json) {
            return ResponseEntity.ok(Map.of("authorization_url", started.url()));
        }
        var cookie = connect.browserCookie(started);
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(started.url()))
                .header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
    }

    /**
     * JSON whatever the browser prefers, for a flow the API started. A flow the web app started goes back to its
     * accounts page, with what happened (or why not) as the page's notice.
     */
    @GetMapping("/connect/{platform}/callback")
    @Operation(summary = "The platform's redirect back (no API key: the state is the credential); a flow started "
            + "from the web app is sent back to /app/accounts (303)")
    @Answers({200, 303})
    ResponseEntity<ConnectView> callback(@PathVariable String platform,
                                         @RequestParam(required = false) String state,
                                         @RequestParam(required = false) String code,
                                         @RequestParam(required = false) String error,
                                         @RequestParam(name = "error_description", required = false)
                                         String description, HttpServletRequest request,
                                         HttpServletResponse response) {
        var p = Platform.parse(platform).orElseThrow(() -> new NotFound("platform", platform));
        String nonce = null;
        if (state != null && request.getCookies() != null) {
            String name = AccountConnect.cookieName(state);
            nonce = Arrays.stream(request.getCookies()).filter(c -> c.getName().equals(name))
                    .map(Cookie::getValue).findFirst().orElse(null);
        }
        if (!AccountConnect.fromWebApp(nonce)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(view(connect.callback(p, state, code, error, description, nonce)));
        }
        var back = UriComponentsBuilder.fromPath(WEB_APP_ACCOUNTS);
        String notice;
        try {
            var result = connect.callback(p, state, code, error, description, nonce);
            notice = ConnectNotice.of(result);
            if (result instanceof ConnectResult.Pending pending) {
                back.queryParam("connection", pending.id());
            }
        } catch (DomainException refused) {
            notice = ConnectNotice.refused(refused);
        }
        String location = back.build().toUriString();
        // the notice rides in the session's flash map, as the web app's own redirects carry theirs
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put(ConnectNotice.ATTRIBUTE, notice);
        RequestContextUtils.saveOutputFlashMap(location, request, response);
        var spent = ResponseCookie.from(AccountConnect.cookieName(state), "").path("/social-accounts/connect/")
                .httpOnly(true).secure(connect.secureCookies()).sameSite("Lax").maxAge(0).build();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location))
                .header(HttpHeaders.SET_COOKIE, spent.toString()).build();
    }

    @GetMapping("/connections/{id}")
    @Operation(summary = "A connection waiting for the accounts to connect to be picked")
    ConnectView pending(Caller caller, @PathVariable long id) {
        return view(picks.pending(caller.workspaceId(), id));
    }

    @PostMapping("/connections/{id}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Connect the picked candidates ({\"external_ids\": [...]}) of a pending connection")
    ConnectView choose(Caller caller, @PathVariable long id, @RequestBody Choose body) {
        caller.require(Role.EDITOR);
        return view(picks.choose(caller.workspaceId(), id, body.externalIds(), Actor.of(caller)));
    }

    private ConnectView view(ConnectResult result) {
        return switch (result) {
            case ConnectResult.Connected c -> new ConnectView("connected", c.accounts().stream()
                    .map(a -> AccountView.of(a, tokens.status(a, clock.instant()))).toList(), null);
            case ConnectResult.Pending p -> new ConnectView(p.status(), null, new PendingView(p.id(),
                    p.platform().wire(), p.status(), p.expiresAt(), p.candidates(),
                    p.status().equals("pending") ? "POST /social-accounts/connections/" + p.id()
                            + " {\"external_ids\": [...]}" : null));
        };
    }
}
