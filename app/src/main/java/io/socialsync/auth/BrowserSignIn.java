package io.socialsync.auth;

import io.socialsync.people.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a browser session for a person who just proved who they are another way than the login form (an
 * invitation accepted with a new password): the same principal the form gives, a new session id, the workspace
 * picked.
 */
@Component
public class BrowserSignIn {
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public void signIn(long userId, long workspaceId, HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new SignedIn(userId, null), null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no fixation: whoever knew the anonymous session id learns nothing
        }
        request.getSession(true).setAttribute(BrowserCaller.WORKSPACE, workspaceId);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
