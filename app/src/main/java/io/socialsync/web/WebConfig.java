package io.socialsync.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The filter chain in order: CORS (1), response headers (2), tus protocol (5, in ingest/tus/web), API key (10, in
 * apikey/web).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfig {
    /** What browser uploaders (tus-js-client, Uppy) send and must be able to read back. */
    static final List<String> TUS_HEADERS = List.of("Tus-Resumable", "Tus-Version", "Tus-Extension", "Tus-Max-Size",
            "Tus-Checksum-Algorithm", "Upload-Offset", "Upload-Length", "Upload-Metadata", "Upload-Expires",
            "Upload-Defer-Length", "Upload-Concat", "Upload-Checksum", "Location");

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
}
