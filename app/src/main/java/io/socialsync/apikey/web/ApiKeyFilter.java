package io.socialsync.apikey.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.socialsync.apikey.ApiKeyService;
import io.socialsync.apikey.Caller;
import io.socialsync.apikey.Role;
import io.socialsync.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every API request by its key (Authorization: Bearer, or X-API-Key) and applies the key's
 * rate limit. Public paths: API docs, the platforms' webhooks and signed file links (/files/), which carry their
 * own signatures. Health probes are public too, but show their details to an admin key only; every other actuator
 * endpoint (metrics, prometheus) needs an admin key. An address that keeps failing to authenticate is throttled
 * before its key is looked at.
 */
public class ApiKeyFilter extends OncePerRequestFilter {
    public static final String CALLER = Caller.class.getName();
    private static final List<String> PUBLIC_PREFIXES = List.of("/v3/api-docs", "/swagger-ui",
            "/webhook/", "/files/", "/debug/health", "/error");
    private static final String HEALTH = "/actuator/health";
    private final ApiKeyService apiKeys;
    private final RateLimits rateLimits;
    private final AuthThrottle throttle;
    private final Counter failures;
    private final Counter throttled;

    public ApiKeyFilter(ApiKeyService apiKeys, RateLimits rateLimits, AuthThrottle throttle, MeterRegistry meters) {
        this.apiKeys = apiKeys;
        this.rateLimits = rateLimits;
        this.throttle = throttle;
        this.failures = Counter.builder("socialsync.auth.failures")
                .description("requests refused for a missing or unknown API key").register(meters);
        this.throttled = Counter.builder("socialsync.auth.throttled")
                .description("requests refused unread because their address failed to authenticate too often")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return isPublic(path(request));
    }

    static boolean isPublic(String path) {
        return PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        if (path.equals(HEALTH) || path.startsWith(HEALTH + "/")) {
            health(request, response, chain);
            return;
        }
        long blocked = throttle.secondsBlocked(request.getRemoteAddr());
        if (blocked > 0) {
            throttled.increment();
            response.setHeader("Retry-After", Long.toString(blocked));
            ProblemResponses.write(response, 429, "Too many requests", "too many failed authentications from "
                    + "this address; retry after " + blocked + " s");
            return;
        }
        String presented = presentedKey(request);
        var caller = apiKeys.authenticate(presented);
        if (caller.isEmpty()) {
            throttle.failed(request.getRemoteAddr());
            failures.increment();
            unauthorized(response, presented != null && !presented.isBlank());
            return;
        }
        if (path.startsWith("/actuator/") && caller.get().role() != Role.ADMIN) {
            ProblemResponses.write(response, 403, "Forbidden", "monitoring endpoints need an admin key");
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

    /**
     * Probes must answer without a key; an admin key (from an address not throttled) makes the request's principal
     * an admin, which the health endpoint's {@code show-details: when-authorized} reads.
     */
    private void health(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presentedKey(request);
        Optional<Caller> caller = Optional.empty();
        if (presented != null && throttle.secondsBlocked(request.getRemoteAddr()) == 0) {
            caller = apiKeys.authenticate(presented);
            if (caller.isEmpty()) {
                throttle.failed(request.getRemoteAddr());
                failures.increment();
            }
        }
        chain.doFilter(caller.filter(c -> c.role() == Role.ADMIN).<HttpServletRequest>map(
                c -> new AdminRequest(request, c)).orElse(request), response);
    }

    /** Every 401 says how to authenticate (RFC 6750), and whether the key given was the problem. */
    static void unauthorized(HttpServletResponse response, boolean keyGiven) throws IOException {
        String realm = ProblemResponses.REALM;
        response.setHeader("WWW-Authenticate", keyGiven ? realm + ", error=\"invalid_token\"" : realm);
        ProblemResponses.write(response, 401, "Unauthorized",
                "a valid API key is required (Authorization: Bearer <key> or X-API-Key)");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String presentedKey(HttpServletRequest request) {
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return request.getHeader("X-API-Key");
    }
}
