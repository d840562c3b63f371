package io.socialsync.people.web;

import io.socialsync.people.AuthRefused;
import io.socialsync.people.Membership;
import io.socialsync.people.People;
import io.socialsync.people.Sessions;
import io.socialsync.people.SignedIn;
import io.socialsync.people.User;
import io.socialsync.people.WorkspaceMembers;
import io.socialsync.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sessions of people: login (a short-lived access token and a rotating refresh token), refresh, logout, who am I,
 * open registration (when the operator allows it), invitations accepted, password resets. Login, refresh, logout,
 * register and reset need no credential; /auth/me does.
 */
@RestController
@RequestMapping("/auth")
public class AuthController {
    private final Sessions sessions;
    private final People people;
    private final WorkspaceMembers members;

    public AuthController(Sessions sessions, People people, WorkspaceMembers members) {
        this.sessions = sessions;
        this.people = people;
        this.members = members;
    }

    public record Login(String email, String password, Long workspaceId) {
    }

    public record RefreshRequest(String refreshToken) {
    }

    public record Register(String email, String displayName, String password) {
    }

    public record Accept(String token, String displayName, String password) {
    }

    public record ResetRequest(String email) {
    }

    public record ResetConfirm(String token, String password) {
    }

    public record TokenView(String accessToken, String tokenType, long expiresIn, Instant expiresAt,
                            String refreshToken, Instant refreshExpiresAt, long userId, Long workspaceId) {
        static TokenView of(Sessions.Tokens t) {
            return new TokenView(t.accessToken(), "Bearer",
                    Math.max(0, t.accessExpiresAt().getEpochSecond() - Instant.now().getEpochSecond()),
                    t.accessExpiresAt(), t.refreshToken(), t.refreshExpiresAt(), t.userId(), t.workspaceId());
        }
    }

    public record UserView(long id, String email, String displayName, Instant createdAt, Instant lastLoginAt) {
        static UserView of(User u) {
            return new UserView(u.id(), u.email(), u.displayName(), u.createdAt(), u.lastLoginAt());
        }
    }

    public record MembershipView(long workspaceId, String workspaceName, String role, Instant since) {
        static MembershipView of(Membership m) {
            return new MembershipView(m.workspaceId(), m.workspaceName(), m.role().wire(), m.since());
        }
    }

    /** A person: their account and workspaces; an API key: its id, workspace and role. */
    public record Me(UserView user, Long apiKeyId, Long workspaceId, String role, List<MembershipView> memberships) {
    }

    @PostMapping("/login")
    TokenView login(@RequestBody Login body, HttpServletRequest request) {
        return TokenView.of(sessions.login(body.email(), body.password(), body.workspaceId(),
                request.getRemoteAddr()));
    }

    @PostMapping("/refresh")
    TokenView refresh(@RequestBody RefreshRequest body) {
        return TokenView.of(sessions.refresh(body.refreshToken()));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@RequestBody RefreshRequest body) {
        sessions.logout(body.refreshToken());
    }

    @GetMapping("/me")
    Me me(SignedIn who) {
        var caller = who.caller();
        String role = caller == null ? null : caller.role().wire();
        Long ws = caller == null ? null : caller.workspaceId();
        if (!who.person()) {
            return new Me(null, caller.apiKeyId(), ws, role, List.of());
        }
        User user = people.user(who.userId()).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "Unauthorized", "the account no longer exists"));
        return new Me(UserView.of(user), null, ws, role,
                members.mine(who.userId()).stream().map(MembershipView::of).toList());
    }

    @PostMapping("/register")
    ResponseEntity<UserView> register(@RequestBody Register body) {
        var user = people.register(body.email(), body.displayName(), body.password());
        return ResponseEntity.created(URI.create("/auth/me")).body(UserView.of(user));
    }

    /** Signed in: that person joins. Not signed in: a new account for the invited address. Either way, tokens. */
    @PostMapping("/invitations/accept")
    TokenView accept(SignedIn who, @RequestBody Accept body) {
        Long userId = who == null ? null : who.userId();
        return TokenView.of(people.accept(body.token(), userId, body.displayName(), body.password()));
    }

    /** The same answer whether or not the address has an account. */
    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> requestReset(@RequestBody ResetRequest body) {
        people.requestReset(body.email());
        return Map.of("detail", "if an account has this address, a reset link has been sent to it");
    }

    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmReset(@RequestBody ResetConfirm body) {
        people.confirmReset(body.token(), body.password());
    }

    @ExceptionHandler(AuthRefused.class)
    ResponseEntity<ProblemDetail> refused(AuthRefused e) {
        HttpStatus status = e.throttled() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED;
        var problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(e.throttled() ? "Too many requests" : "Unauthorized");
        var response = ResponseEntity.status(status);
        if (e.throttled()) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response.body(problem);
    }
}
