package io.socialsync.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two credentials, accepted everywhere alike: an API key (Authorization: Bearer, or X-API-Key) and a person's
 * access token from POST /auth/login (a JWT, Authorization: Bearer). Either one satisfies an operation.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {
    @Bean
    OpenAPI socialSyncOpenApi() {
        return new OpenAPI()
                .info(new Info().title("SocialSync API").version("0.1.0")
                        .description("Long videos in, short social-media posts out. See docs/API.md."))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("an API key (socialsync apikey create, POST /api-keys)"))
                        .addSecuritySchemes("apiKeyHeader", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key").description("an API key"))
                        .addSecuritySchemes("bearerJwt", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("a person's access token from POST /auth/login or /auth/refresh")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("apiKeyHeader"))
                .addSecurityItem(new SecurityRequirement().addList("bearerJwt"));
    }
}
