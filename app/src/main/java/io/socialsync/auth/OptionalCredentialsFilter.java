package io.socialsync.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Paths that answer anyone but tell more to the authenticated (health details for an admin; an invitation
 * accepted by a person already signed in): a good credential authenticates the request, a bad one counts
 * against the address's throttle and the request goes on anonymous. A throttled address is not checked at all.
 */
final class OptionalCredentialsFilter extends OncePerRequestFilter {
    private final AuthenticationManager manager;
    private final AuthProblems problems;
    private final Credentials credentials = new Credentials();

    OptionalCredentialsFilter(AuthenticationManager manager, AuthProblems problems) {
        this.manager = manager;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = credentials.resolve(request);
        if (token != null && problems.throttle().secondsBlocked(request.getRemoteAddr()) == 0) {
            try {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(manager.authenticate(new BearerTokenAuthenticationToken(token)));
                SecurityContextHolder.setContext(context);
            } catch (AuthenticationException e) {
                problems.failed(request);
            }
        }
        chain.doFilter(request, response);
    }
}
