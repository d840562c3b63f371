package io.socialsync.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;

/**
 * swagger-core's resolver with the server's property names (OpenApiNaming), which also lists the names a request
 * record takes through {@code @JsonAlias} (the seeds' start_time, post_url): the wire accepts them, so the document
 * must, or a validator refuses what the server takes.
 */
class WireModelResolver extends ModelResolver {
    WireModelResolver(ObjectMapper mapper) {
        super(mapper);
        openapi31(true);
    }

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> next) {
        Schema resolved = super.resolve(type, context, next);
        Class<?> raw = _mapper.constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord()) {
            return resolved;
        }
        Schema model = resolved.get$ref() == null ? resolved
                : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        for (var component : raw.getRecordComponents()) {
            JsonAlias aliases = field(raw, component.getName());
            Schema canonical = (Schema) model.getProperties().get(wireName(component.getName()));
            if (aliases == null || canonical == null) {
                continue;
            }
            for (String alias : aliases.value()) {
                var schema = new JsonSchema();
                schema.setTypes(canonical.getTypes());
                schema.setFormat(canonical.getFormat());
                schema.set$ref(canonical.get$ref());
                schema.setDescription("another name for " + wireName(component.getName()) + " (the seed's)");
                model.addProperty(alias, schema);
            }
        }
        return resolved;
    }

    private String wireName(String javaName) {
        return _mapper.getPropertyNamingStrategy() instanceof PropertyNamingStrategies.NamingBase naming
                ? naming.translate(javaName) : javaName;
    }

    private static JsonAlias field(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name).getAnnotation(JsonAlias.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
