package io.socialsync.web;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.apikey.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every API request by its key (Authorization: Bearer, or X-API-Key) and applies the key's
 * rate limit. Public paths: health probes, metrics scrape, API docs, the platforms' webhooks and signed file
 * links (/files/), which carry their own signatures.
 */
public class ApiKeyFilter extends OncePerRequestFilter {
    public static final String CALLER = Caller.class.getName();
    private static final List<String> PUBLIC_PREFIXES = List.of("/actuator/", "/v3/api-docs", "/swagger-ui",
            "/webhook/", "/files/", "/debug/health", "/error");
    private final ApiKeyService apiKeys;
    private final RateLimits rateLimits;

    public ApiKeyFilter(ApiKeyService apiKeys, RateLimits rateLimits) {
        this.apiKeys = apiKeys;
        this.rateLimits = rateLimits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var caller = apiKeys.authenticate(presentedKey(request));
        if (caller.isEmpty()) {
            ProblemResponses.write(response, 401, "Unauthorized",
                    "a valid API key is required (Authorization: Bearer <key> or X-API-Key)");
            return;
        }
        long waitSeconds = rateLimits.tryConsume(caller.get().apiKeyId());
        if (waitSeconds > 0) {
            response.setHeader("Retry-After", Long.toString(waitSeconds));
            ProblemResponses.write(response, 429, "Too many requests",
                    "rate limit for this API key exceeded; retry after " + waitSeconds + " s");
            return;
        }
        request.setAttribute(CALLER, caller.get());
        chain.doFilter(request, response);
    }

    private static String presentedKey(HttpServletRequest request) {
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return request.getHeader("X-API-Key");
    }
}
