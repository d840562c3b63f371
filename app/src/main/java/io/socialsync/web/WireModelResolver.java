package io.socialsync.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * swagger-core's resolver with the server's property names (OpenApiNaming), which also lists the names a request
 * record takes through {@code @JsonAlias} (the seeds' start_time, post_url): the wire accepts them, so the document
 * must, or a validator refuses what the server takes.
 */
class WireModelResolver extends ModelResolver {
    WireModelResolver(ObjectMapper mapper) {
        super(mapper, new Names());
        openapi31(true);
    }

    /**
     * A view's nested record is named with its view (CampaignViewBudget): two features' Budget records had one
     * schema name and the document described only one of them. A controller's own request records keep theirs.
     */
    static final class Names extends TypeNameResolver {
        private final Map<String, Class<?>> named = new ConcurrentHashMap<>();

        @Override
        protected String getNameOfClass(Class<?> type) {
            Class<?> outer = type.getEnclosingClass();
            String name = outer == null || outer.getSimpleName().endsWith("Controller") ? super.getNameOfClass(type)
                    : outer.getSimpleName() + super.getNameOfClass(type);
            Class<?> other = type.getName().startsWith("io.socialsync.") ? named.putIfAbsent(name, type) : null;
            if (other != null && other != type) {
                // springdoc would keep one and describe the other's responses with it
                throw new IllegalStateException("two API types are named " + name + ": " + other.getName() + " and "
                        + type.getName() + "; give one a @Schema(name = ...)");
            }
            return name;
        }
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
