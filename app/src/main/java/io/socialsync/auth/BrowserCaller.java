package io.socialsync.auth;

import io.socialsync.people.Memberships;
import io.socialsync.people.SignedIn;
import io.socialsync.web.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session names a person, not a workspace: the workspace they picked (kept in the session, else their
 * first) becomes this request's {@link Caller}, with the role read from the membership now, as for a JWT. The
 * session's stored authentication is left alone, so a changed role or a removed member counts at the next request.
 */
public final class BrowserCaller extends OncePerRequestFilter {
    /** The session attribute holding the picked workspace's id (a Long). */
    public static final String WORKSPACE = "socialsync.workspace";
    private final Memberships memberships;

    BrowserCaller(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var context = SecurityContextHolder.getContext();
        if (context.getAuthentication() != null && context.getAuthentication().getPrincipal() instanceof SignedIn who
                && who.person() && who.caller() == null) {
            var session = request.getSession(false);
            Object picked = session == null ? null : session.getAttribute(WORKSPACE);
            Caller caller = picked instanceof Long ws ? caller(ws, who.userId()) : null;
            if (caller == null) {
                caller = memberships.ofUser(who.userId()).stream()
                        .map(m -> caller(m.workspaceId(), who.userId())).filter(c -> c != null).findFirst()
                        .orElse(null);
            }
            if (caller != null) {
                var scoped = SecurityContextHolder.createEmptyContext();
                scoped.setAuthentication(CallerAuthentication.person(who.userId(), caller));
                SecurityContextHolder.setContext(scoped);
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.setContext(context);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Caller caller(long workspaceId, long userId) {
        return memberships.activeRole(workspaceId, userId).map(role -> Caller.person(workspaceId, userId, role))
                .orElse(null);
    }
}
