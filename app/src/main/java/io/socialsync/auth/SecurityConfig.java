package io.socialsync.auth;

import io.micrometer.core.instrument.MeterRegistry;
import io.socialsync.apikey.ApiKeyService;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.people.AccessTokens;
import io.socialsync.people.Memberships;
import io.socialsync.people.Sessions;
import io.socialsync.people.Users;
import io.socialsync.web.AuthThrottle;
import io.socialsync.web.HttpEdgeProperties;
import io.socialsync.web.ProblemResponses;
import io.socialsync.web.RateLimits;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security's filter chains, first match wins (the whole chain sits at order 10 of the servlet filters,
 * after CORS, the response headers and tus: spring.security.filter.order):
 * <ol>
 * <li>the management port, when the actuator has its own: no credentials (it listens on loopback only);</li>
 * <li>browser pages (/, /app/**, /login, /logout, their webjars, and tus uploads sent with the session cookie):
 * form login, session cookie, CSRF, session fixation protection; {@link BrowserCaller} gives the picked workspace;
 * the pages reached by mailed links (invitation, password reset) are open, their posts limited per address like
 * the login's ({@link PublicFormsFilter});</li>
 * <li>public paths: API docs, the platforms' webhooks and signed file links (they carry their own signatures),
 * login, refresh, logout, registration, password reset, the OAuth connect callback (its signed state);</li>
 * <li>health probes and invitation acceptance: anyone, but a good credential is read (health details for admins);</li>
 * <li>the API: an API key or a person's access token, both resolved to the same Caller, each with its rate limit;
 * the failed-auth throttle per address first; the other actuator endpoints for admins only.</li>
 * </ol>
 * The API is stateless (no session, no cookie), so CSRF protection is needed only on the browser chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {
    private static final List<String> PUBLIC_PREFIXES = List.of("/v3/api-docs", "/swagger-ui", "/webhook/",
            "/files/", "/public/meta-media/", "/debug/health", "/error");
    private static final Set<String> PUBLIC_PATHS = Set.of("/health", "/auth/login", "/auth/refresh", "/auth/logout",
            "/auth/register", "/auth/password-reset", "/auth/password-reset/confirm");
    private static final String HEALTH = "/actuator/health";

    @Bean
    AuthProblems authProblems(HttpEdgeProperties edge, MeterRegistry meters) {
        return new AuthProblems(new AuthThrottle(edge.authThrottle()), meters);
    }

    @Bean
    CallerAuthenticationManager callerAuthenticationManager(ApiKeyService apiKeys, AccessTokens accessTokens,
                                                            Memberships memberships, Users users) {
        return new CallerAuthenticationManager(apiKeys, accessTokens, memberships, users);
    }

    /** The browser form's check (a bean, so Spring Boot creates no default user with a logged password). */
    @Bean
    AuthenticationProvider browserLogin(Sessions sessions) {
        return new BrowserLogin(sessions);
    }

    @Bean
    @Order(0)
    SecurityFilterChain managementPort(HttpSecurity http, @Value("${management.server.port:}") String port)
            throws Exception {
        Integer management = port == null || port.isBlank() ? null : Integer.valueOf(port.trim());
        RequestMatcher onManagementPort = request -> management != null && request.getLocalPort() == management;
        return stateless(http.securityMatcher(onManagementPort))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain browser(HttpSecurity http, AuthenticationProvider browserLogin, Memberships memberships,
                                AuthProblems problems, SocialSyncProperties properties) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        var toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        // tus uploads from the web app carry the session cookie (and the CSRF header), never a bearer credential
        RequestMatcher browserUpload = request -> path(request).startsWith("/uploads/tus")
                && request.getHeader("Authorization") == null && request.getHeader("X-API-Key") == null
                && request.getRequestedSessionId() != null;
        return http.securityMatcher(new OrRequestMatcher(paths.matcher("/"), paths.matcher("/app/**"),
                        paths.matcher("/webjars/**"), paths.matcher("/login"), paths.matcher("/logout"),
                        browserUpload))
                // its own manager, no parent: a refused password is checked (and counted) once
                .authenticationManager(new ProviderManager(browserLogin))
                .authorizeHttpRequests(a -> a.requestMatchers(paths.matcher("/login"), paths.matcher("/webjars/**"),
                                paths.matcher("/app/assets/**"), paths.matcher("/app/invitations/accept"),
                                paths.matcher("/app/password-reset"), paths.matcher("/app/password-reset/confirm"))
                                .permitAll()
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new PublicFormsFilter(problems,
                        new RateLimits(properties.rateLimit().requestsPerMinute()), PublicFormsFilter.BROWSER_FORMS),
                        CsrfFilter.class)
                .addFilterBefore(new BrowserCaller(memberships), AuthorizationFilter.class)
                // scripts (htmx, the tus uploader) get a 401 problem, not the login page, when the session has ended
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    if (request.getHeader("HX-Request") != null || browserUpload.matches(request)) {
                        ProblemResponses.write(response, 401, "Unauthorized", "the session has ended: log in again");
                    } else {
                        toLogin.commence(request, response, ex);
                    }
                }))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/app/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicPaths(HttpSecurity http, AuthProblems problems, SocialSyncProperties properties)
            throws Exception {
        RequestMatcher open = request -> isPublic(path(request));
        return stateless(http.securityMatcher(open))
                .addFilterBefore(new PublicFormsFilter(problems,
                        new RateLimits(properties.rateLimit().requestsPerMinute()), PublicFormsFilter.API_FORMS),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain optionalCredentials(HttpSecurity http, CallerAuthenticationManager manager,
                                            AuthProblems problems) throws Exception {
        RequestMatcher optional = request -> {
            String path = path(request);
            return path.equals(HEALTH) || path.startsWith(HEALTH + "/") || path.equals("/auth/invitations/accept");
        };
        return stateless(http.securityMatcher(optional))
                .addFilterBefore(new OptionalCredentialsFilter(manager, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain api(HttpSecurity http, CallerAuthenticationManager manager, AuthProblems problems,
                            SocialSyncProperties properties) throws Exception {
        var rateLimits = new RateLimits(properties.rateLimit().requestsPerMinute());
        return stateless(http)
                .addFilterBefore(new ThrottleFilter(problems), BearerTokenAuthenticationFilter.class)
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(request -> manager)
                        .bearerTokenResolver(new Credentials())
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAfter(new RateLimitFilter(rateLimits), BearerTokenAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
                        .hasRole("ADMIN")
                        .anyRequest().authenticated())
                .build();
    }

    /** No session, no CSRF (no cookie carries credentials here), no Spring Security cache headers (web/ sets them). */
    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .headers(h -> h.cacheControl(c -> c.disable()))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable());
    }

    /** No credential needed: the API docs, signed links and webhooks (their own credential), logging in. */
    static boolean isPublic(String path) {
        return PUBLIC_PATHS.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)
                || path.matches("/social-accounts/connect/[^/]+/callback");
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
