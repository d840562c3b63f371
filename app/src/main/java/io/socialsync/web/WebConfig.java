package io.socialsync.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.socialsync.apikey.ApiKeyService;
import io.socialsync.apikey.Caller;
import io.socialsync.config.SocialSyncProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The filter chain in order: CORS (1), response headers (2), tus protocol (5, in ingest), API key (10). */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {
    /** What browser uploaders (tus-js-client, Uppy) send and must be able to read back. */
    static final List<String> TUS_HEADERS = List.of("Tus-Resumable", "Tus-Version", "Tus-Extension", "Tus-Max-Size",
            "Tus-Checksum-Algorithm", "Upload-Offset", "Upload-Length", "Upload-Metadata", "Upload-Expires",
            "Upload-Defer-Length", "Upload-Concat", "Upload-Checksum", "Location");

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeyService apiKeys, SocialSyncProperties properties,
                                                      HttpEdgeProperties edge, MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new ApiKeyFilter(apiKeys,
                new RateLimits(properties.rateLimit().requestsPerMinute()), new AuthThrottle(edge.authThrottle()),
                meters));
        registration.addUrlPatterns("/*");
        registration.setOrder(10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ResponseHeadersFilter> responseHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new ResponseHeadersFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(2);
        return registration;
    }

    /**
     * Off unless origins are listed. Ahead of every other filter: a preflight carries no key and is answered here;
     * an actual cross-origin request gets its CORS headers even when a later filter refuses it, so the browser
     * lets the page read the problem.
     */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(HttpEdgeProperties edge) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(edge.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        var allowed = new java.util.ArrayList<>(TUS_HEADERS);
        allowed.addAll(List.of("Authorization", "X-API-Key", "Content-Type", "Idempotency-Key",
                "X-HTTP-Method-Override", "X-Requested-With"));
        cors.setAllowedHeaders(allowed);
        var exposed = new java.util.ArrayList<>(TUS_HEADERS);
        exposed.addAll(List.of("Retry-After", "WWW-Authenticate"));
        cors.setExposedHeaders(exposed);
        cors.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        if (!edge.corsAllowedOrigins().isEmpty()) {
            source.registerCorsConfiguration("/**", cors);
        }
        var filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor());
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        registration.setOrder(1);
        registration.setEnabled(!edge.corsAllowedOrigins().isEmpty());
        return registration;
    }

    /** Lets a controller take a {@link Caller} parameter: the authenticated key of this request. */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                var caller = request.getAttribute(ApiKeyFilter.CALLER, RequestAttributes.SCOPE_REQUEST);
                if (caller == null) {
                    throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "Unauthorized",
                            "a valid API key is required");
                }
                return caller;
            }
        });
    }
}
