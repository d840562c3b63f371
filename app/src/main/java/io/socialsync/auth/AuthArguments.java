package io.socialsync.auth;

import io.socialsync.domain.Forbidden;
import io.socialsync.people.SignedIn;
import io.socialsync.web.ApiException;
import io.socialsync.web.Caller;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Controller parameters from the request's authentication: {@link Caller} (workspace and role, whether an API
 * key or a person's token made the request) and {@link SignedIn} (who, for endpoints about people).
 */
@Configuration(proxyBeanMethods = false)
class AuthArguments implements WebMvcConfigurer {
    static {
        // resolved from the credential, not sent by clients
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, SignedIn.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class || parameter.getParameterType() == SignedIn.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                var auth = SecurityContextHolder.getContext().getAuthentication();
                SignedIn who = auth != null && auth.getPrincipal() instanceof SignedIn s ? s : null;
                if (parameter.getParameterType() == SignedIn.class) {
                    return who; // null only where the chain lets anyone in (accepting an invitation)
                }
                if (who == null) {
                    throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized",
                            "a valid API key or access token is required");
                }
                if (who.caller() == null) {
                    throw new Forbidden("you belong to no workspace yet: create one (POST /workspaces) or accept an "
                            + "invitation, then log in again");
                }
                return who.caller();
            }
        });
    }
}
