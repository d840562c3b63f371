package io.socialsync.web;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.apikey.Caller;
import io.socialsync.config.SocialSyncProperties;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeyService apiKeys, SocialSyncProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new ApiKeyFilter(apiKeys, new RateLimits(properties.rateLimit().requestsPerMinute())));
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
                    throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "Unauthorized",
                            "a valid API key is required");
                }
                return caller;
            }
        });
    }
}
