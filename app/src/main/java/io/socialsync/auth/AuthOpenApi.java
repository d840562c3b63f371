package io.socialsync.auth;

import io.socialsync.web.OpenApiProblems;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The document's security as SecurityConfig applies it. Two credentials, accepted everywhere alike: an API key
 * (Authorization: Bearer, or X-API-Key) and a person's access token from POST /auth/login (a JWT, Authorization:
 * Bearer); either one satisfies an operation. The public paths carry their own credential (a signature) or none.
 */
@Component
class AuthOpenApi implements GlobalOpenApiCustomizer {
    static final String BEARER = "apiKey";
    static final String HEADER = "apiKeyHeader";
    static final String JWT = "bearerJwt";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("an API key (socialsync apikey create, POST /api-keys)"))
                .addSecuritySchemes(HEADER, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name("X-API-Key").description("an API key"))
                .addSecuritySchemes(JWT, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT")
                        .description("a person's access token from POST /auth/login or /auth/refresh"));
        // requirements in a list are alternatives
        api.setSecurity(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(HEADER),
                new SecurityRequirement().addList(JWT)));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (SecurityConfig.isPublic(path)) {
                operation.setSecurity(List.of());
                return;
            }
            var responses = operation.getResponses();
            responses.putIfAbsent("401", OpenApiProblems.problem("Unauthorized: no valid API key or access token"));
            responses.putIfAbsent("403", OpenApiProblems.problem("Forbidden: the role may not do this"));
            responses.putIfAbsent("429", OpenApiProblems.problem(
                    "Too Many Requests: the rate limit, or too many failed credentials from this address"));
        }));
        OpenApiProblems.headsWithoutBodies(api);
    }
}
