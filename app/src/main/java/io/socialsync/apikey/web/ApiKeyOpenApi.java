package io.socialsync.apikey.web;

import io.socialsync.web.OpenApiProblems;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The document's security as ApiKeyFilter applies it: a key as {@code Authorization: Bearer} or {@code X-API-Key}
 * on every path but the filter's public ones, which carry their own credential (a signature) or none.
 */
@Component
class ApiKeyOpenApi implements GlobalOpenApiCustomizer {
    static final String BEARER = "bearer";
    static final String HEADER = "apiKey";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("an API key (ss_...) as a bearer token"))
                .addSecuritySchemes(HEADER, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name("X-API-Key").description("an API key (ss_...)"));
        // either scheme: two requirements are alternatives
        api.setSecurity(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(HEADER)));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (ApiKeyFilter.isPublic(path)) {
                operation.setSecurity(List.of());
                return;
            }
            var responses = operation.getResponses();
            responses.putIfAbsent("401", OpenApiProblems.problem("Unauthorized: no valid API key"));
            responses.putIfAbsent("403", OpenApiProblems.problem("Forbidden: the key's role may not do this"));
            responses.putIfAbsent("429", OpenApiProblems.problem(
                    "Too Many Requests: the key's rate limit, or too many failed keys from this address"));
        }));
        OpenApiProblems.headsWithoutBodies(api);
    }
}
