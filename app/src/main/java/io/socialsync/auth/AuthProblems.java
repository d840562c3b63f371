package io.socialsync.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.socialsync.web.AuthThrottle;
import io.socialsync.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's 401 and 403 as problem+json. Every 401 says how to authenticate (RFC 6750) and whether the credential
 * given was the problem, and counts against the client address's failed-auth throttle (a missing credential too,
 * as before Spring Security).
 */
final class AuthProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final AuthThrottle throttle;
    private final Counter failures;
    private final Counter throttled;

    AuthProblems(AuthThrottle throttle, MeterRegistry meters) {
        this.throttle = throttle;
        this.failures = Counter.builder("socialsync.auth.failures")
                .description("requests refused for a missing or unknown API key or access token").register(meters);
        this.throttled = Counter.builder("socialsync.auth.throttled")
                .description("requests refused unread because their address failed to authenticate too often")
                .register(meters);
    }

    AuthThrottle throttle() {
        return throttle;
    }

    void failed(HttpServletRequest request) {
        throttle.failed(request.getRemoteAddr());
        failures.increment();
    }

    /** @return true when the address may not try now; the 429 is written */
    boolean refuseThrottled(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long blocked = throttle.secondsBlocked(request.getRemoteAddr());
        if (blocked == 0) {
            return false;
        }
        throttled.increment();
        response.setHeader("Retry-After", Long.toString(blocked));
        ProblemResponses.write(response, 429, "Too many requests", "too many failed authentications from "
                + "this address; retry after " + blocked + " s");
        return true;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        failed(request);
        String presented = Credentials.presented(request);
        boolean given = presented != null && !presented.isBlank();
        String realm = ProblemResponses.REALM;
        response.setHeader("WWW-Authenticate", given ? realm + ", error=\"invalid_token\"" : realm);
        String detail = e instanceof CredentialRefused refused ? refused.getMessage()
                : given ? "the API key or access token is unknown, revoked or expired"
                : "a valid API key or access token is required (Authorization: Bearer <key or token>, or X-API-Key)";
        ProblemResponses.write(response, 401, "Unauthorized", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ProblemResponses.write(response, 403, "Forbidden", path.startsWith("/actuator/")
                ? "monitoring endpoints need an admin key" : "not allowed with this credential");
    }
}
