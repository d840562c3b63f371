package io.socialsync.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * /v3/api-docs as the wire has it: the server's property names, free-form JSON left free-form, statuses and
 * problems documented globally (OpenApiOperations, OpenApiDocument) rather than on every controller. The document
 * is committed as docs/openapi.json; OpenApiDocumentTest fails when it drifts and says how to regenerate it.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {
    static {
        // Jackson 3 trees (job payloads, sub-scores, preset parameters) are any JSON, not a JsonNode bean
        SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class,
                new JsonSchema().description("free-form JSON"));
    }

    @Bean
    OpenAPI socialSyncOpenApi() {
        return new OpenAPI()
                .info(new Info().title("SocialSync API").version("0.1.0")
                        .description("Long videos in, short social-media posts out. See docs/API.md. Errors are "
                                + "RFC 9457 problems (application/problem+json)."))
                // a fixed server keeps the committed document independent of the port it was generated on
                .servers(List.of(new Server().url("http://localhost:8080").description("a local `socialsync serve`")))
                .components(new Components().addSchemas(OpenApiProblems.PROBLEM, OpenApiProblems.schema()));
    }

    /** Placed before swagger-core's own resolver, it reads models with the server's naming strategy. */
    @Bean
    WireModelResolver wireNamesModelResolver(JsonMapper jsonMapper) {
        return new WireModelResolver(OpenApiNaming.modelMapper(jsonMapper));
    }

    @Bean
    OperationCustomizer socialSyncOperations() {
        return new OpenApiOperations();
    }

    @Bean
    PropertyCustomizer nullableProperties() {
        return OpenApiDocument::nullable;
    }

    @Bean
    GlobalOpenApiCustomizer socialSyncDocument(WireModelResolver models) {
        return api -> OpenApiDocument.finish(api, models::written);
    }
}
