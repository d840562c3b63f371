package io.socialsync.accounts.web;

import io.socialsync.accounts.AccountChanges;
import io.socialsync.accounts.AccountFields;
import io.socialsync.accounts.SocialAccount;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.accounts.tokens.TokenPolicy;
import io.socialsync.accounts.tokens.TokenRefresher;
import io.socialsync.domain.Conflict;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.Platform;
import io.socialsync.web.ApiException;
import io.socialsync.web.Caller;
import io.socialsync.web.Page;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Social accounts of the caller's workspace: editors change them, viewers read them; tokens go in, never out. */
@RestController
@RequestMapping("/social-accounts")
public class SocialAccountController {
    private final SocialAccountService accounts;
    private final TokenRefresher refresher;
    private final TokenPolicy tokens;
    private final Clock clock;

    public SocialAccountController(SocialAccountService accounts, TokenRefresher refresher, TokenPolicy tokens,
                                   Clock clock) {
        this.accounts = accounts;
        this.refresher = refresher;
        this.tokens = tokens;
        this.clock = clock;
    }

    public record CreateAccount(@NotBlank String platform, @NotBlank @Size(max = 200) String handle,
                                Map<String, String> externalIds, @NotBlank String timezone,
                                @Size(max = 8000) String accessToken, @Size(max = 8000) String refreshToken,
                                Instant tokenExpiresAt, Instant refreshTokenExpiresAt) {
    }

    public record UpdateAccount(@Size(max = 200) String handle, Map<String, String> externalIds,
                                String timezone, @Size(max = 8000) String accessToken,
                                @Size(max = 8000) String refreshToken, Instant tokenExpiresAt, String status,
                                Instant refreshTokenExpiresAt) {
    }

    /** {@code outcome}: refreshed, needs_reauth (the platform refused; see the account's reason), retry_later. */
    public record RefreshView(String outcome, String detail, AccountView account) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Connect an account; tokens are encrypted at rest and never returned")
    AccountView create(Caller caller, @Valid @RequestBody CreateAccount body) {
        caller.require(Role.EDITOR);
        var errors = new Invalid.Collector();
        Platform platform = AccountFields.platform(body.platform(), errors);
        var changes = new AccountChanges(body.handle().trim(), AccountFields.externalIds(body.externalIds(), errors),
                AccountFields.timezone(body.timezone(), errors), body.accessToken(), body.refreshToken(),
                micros(body.tokenExpiresAt()), null, micros(body.refreshTokenExpiresAt()));
        errors.throwIfAny();
        return view(accounts.create(caller.workspaceId(), platform, changes, Actor.of(caller)));
    }

    @GetMapping
    Page<AccountView> list(Caller caller, @RequestParam(required = false) String platform,
                           @RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit, 50, 500);
        var errors = new Invalid.Collector();
        Platform filter = platform == null ? null : AccountFields.platform(platform, errors);
        errors.throwIfAny();
        var items = accounts.page(caller.workspaceId(), filter, before, size).stream().map(this::view).toList();
        return Page.of(items, size, AccountView::id);
    }

    @GetMapping("/{id}")
    AccountView get(Caller caller, @PathVariable long id) {
        return view(accounts.get(caller.workspaceId(), id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change fields; absent or blank tokens keep the stored ones (a refresh token is never "
            + "replaced by an empty one)")
    AccountView update(Caller caller, @PathVariable long id, @Valid @RequestBody UpdateAccount body) {
        caller.require(Role.EDITOR);
        var errors = new Invalid.Collector();
        if (body.handle() != null && body.handle().isBlank()) {
            errors.add("handle", "must not be blank");
        }
        var changes = new AccountChanges(body.handle() == null ? null : body.handle().trim(),
                body.externalIds() == null ? null : AccountFields.externalIds(body.externalIds(), errors),
                body.timezone() == null ? null : AccountFields.timezone(body.timezone(), errors),
                body.accessToken(), body.refreshToken(), micros(body.tokenExpiresAt()),
                body.status() == null ? null : AccountFields.status(body.status(), errors),
                micros(body.refreshTokenExpiresAt()));
        errors.throwIfAny();
        return view(accounts.update(caller.workspaceId(), id, changes, Actor.of(caller)));
    }

    @PostMapping("/{id}/refresh")
    @Operation(summary = "Renew the account's token now (Google/TikTok refresh grant, Meta token exchange), "
            + "whatever its expiry")
    RefreshView refresh(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        var outcome = refresher.refresh(caller.workspaceId(), id, TokenRefresher.Trigger.MANUAL, Actor.of(caller));
        return switch (outcome) {
            case TokenRefresher.Gone g -> throw new NotFound("social account", id);
            case TokenRefresher.NotPossible n -> throw new Conflict(n.reason());
            case TokenRefresher.Dead d -> new RefreshView(d.wire(), d.reason(), get(caller, id));
            case TokenRefresher.Failed f -> new RefreshView(f.wire(), f.reason(), view(f.account()));
            case TokenRefresher.Refreshed r -> new RefreshView(r.wire(), null, view(r.account()));
            case TokenRefresher.NotDue n -> new RefreshView(n.wire(), null, view(n.account()));
        };
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an account: its tokens are wiped and its scheduled publications cancelled")
    void delete(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        accounts.delete(caller.workspaceId(), id, Actor.of(caller));
    }

    private AccountView view(SocialAccount a) {
        return AccountView.of(a, tokens.status(a, clock.instant()));
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
