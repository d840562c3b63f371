package io.socialsync.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.util.Json;
import tools.jackson.databind.json.JsonMapper;

/**
 * swagger-core reads models with its own Jackson 2 mapper, blind to the server's Jackson 3 {@code JsonMapper}
 * and its {@code spring.jackson.property-naming-strategy}: the spec named properties as Java does (runAt) while
 * the wire says run_at. This hands the server's own strategy to swagger-core's mapper, so the two cannot differ.
 */
final class OpenApiNaming {
    private OpenApiNaming() {
    }

    static ObjectMapper modelMapper(JsonMapper server) {
        var mapper = Json.mapper().copy();
        var strategy = server.serializationConfig().getPropertyNamingStrategy();
        if (strategy == null) {
            return mapper;
        }
        if (!(strategy instanceof tools.jackson.databind.PropertyNamingStrategies.NamingBase naming)) {
            throw new IllegalStateException("the OpenAPI document cannot follow the naming strategy "
                    + strategy.getClass().getName() + ": only a PropertyNamingStrategies.NamingBase translates names");
        }
        var config = server.serializationConfig();
        return mapper.setPropertyNamingStrategy(new PropertyNamingStrategies.NamingBase() {
            @Override
            public String translate(String name) {
                return naming.nameForField(config, null, name); // a NamingBase translates whatever the member
            }
        });
    }
}
