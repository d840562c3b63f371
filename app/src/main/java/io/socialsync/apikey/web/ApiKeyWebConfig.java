package io.socialsync.apikey.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.socialsync.apikey.ApiKeyService;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.web.ApiException;
import io.socialsync.web.Caller;
import io.socialsync.web.HttpEdgeProperties;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The API-key filter (order 10, after CORS, headers and tus) and the {@link Caller} controller parameter. */
@Configuration(proxyBeanMethods = false)
class ApiKeyWebConfig implements WebMvcConfigurer {
    static {
        // Caller is resolved from the API key, not sent by clients
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

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
                    throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "a valid API key is required");
                }
                return caller;
            }
        });
    }
}
