package io.socialsync.ingest.tus.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TusWebConfig {

    /** Ahead of the API-key filter (order 10): protocol answers come first, and PATCH overrides are seen by all. */
    @Bean
    FilterRegistrationBean<TusProtocolFilter> tusProtocolFilter() {
        var registration = new FilterRegistrationBean<>(new TusProtocolFilter());
        registration.addUrlPatterns("/uploads/tus", "/uploads/tus/*");
        registration.setOrder(5);
        return registration;
    }
}
