package io.socialsync.auth;

import io.socialsync.web.ClientAddress;
import io.socialsync.web.ProblemResponses;
import io.socialsync.web.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What anyone may post without a credential (the browser's log in, reset and invitation forms; the API's reset and
 * registration) is limited per client address as the API limits a caller: an address throttled for failed
 * authentications is answered 429 unread, each address has a bucket of posts per minute (so no one mails a person
 * a reset link a thousand times), and a refused link (401, 404) counts as a failed authentication, so guessing
 * tokens is as slow as guessing keys. Both count an IPv6 client by its /64 ({@link ClientAddress}).
 */
final class PublicFormsFilter extends OncePerRequestFilter {
    static final Set<String> BROWSER_FORMS = Set.of("/login", "/app/password-reset", "/app/password-reset/confirm",
            "/app/invitations/accept");
    static final Set<String> API_FORMS = Set.of("/auth/password-reset", "/auth/password-reset/confirm",
            "/auth/register");
    private final AuthProblems problems;
    private final RateLimits limits;
    private final Set<String> paths;

    PublicFormsFilter(AuthProblems problems, RateLimits limits, Set<String> paths) {
        this.problems = problems;
        this.limits = limits;
        this.paths = paths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !paths.contains(SecurityConfig.path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (problems.refuseThrottled(request, response)) {
            return;
        }
        long wait = limits.tryConsume("address:" + ClientAddress.key(request.getRemoteAddr()));
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            ProblemResponses.write(response, 429, "Too many requests",
                    "too many forms posted from this address; retry after " + wait + " s");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == 401 || response.getStatus() == 404) {
            problems.failed(request);
        }
    }
}
