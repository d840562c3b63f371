package io.socialsync.auth;

import io.socialsync.web.ProblemResponses;
import io.socialsync.web.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** After authentication: each API key and each person has a token bucket of requests per minute. */
final class RateLimitFilter extends OncePerRequestFilter {
    private final RateLimits limits;

    RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller) {
            long wait = limits.tryConsume(caller.rateKey());
            if (wait > 0) {
                response.setHeader("Retry-After", Long.toString(wait));
                ProblemResponses.write(response, 429, "Too many requests",
                        "rate limit for this " + (caller.who().person() ? "account" : "API key")
                                + " exceeded; retry after " + wait + " s");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
