package io.socialsync.auth;

import io.socialsync.people.SignedIn;
import io.socialsync.web.Caller;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by an API key or a person's access token. Either way it carries the same
 * {@link Caller} (workspace, role) when it acts in a workspace; its authority ROLE_ADMIN/EDITOR/VIEWER is what the
 * actuator rules read. A person whose token names no workspace has no Caller and no role.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {
    private final SignedIn who;

    CallerAuthentication(SignedIn who) {
        super(who.caller() == null ? List.of()
                : List.of(new SimpleGrantedAuthority("ROLE_" + who.caller().role().name())));
        this.who = who;
        setAuthenticated(true);
    }

    static CallerAuthentication key(Caller caller) {
        return new CallerAuthentication(new SignedIn(null, caller));
    }

    static CallerAuthentication person(long userId, Caller caller) {
        return new CallerAuthentication(new SignedIn(userId, caller));
    }

    public SignedIn who() {
        return who;
    }

    /** Whose bucket a request takes from: one per key, one per person. */
    String rateKey() {
        return who.person() ? "user:" + who.userId() : "key:" + who.caller().apiKeyId();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return who;
    }

    @Override
    public String getName() {
        return rateKey();
    }
}
