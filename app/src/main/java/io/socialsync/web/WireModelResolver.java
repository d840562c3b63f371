package io.socialsync.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * swagger-core's resolver with the server's property names (OpenApiNaming), which also lists the names a request
 * record takes through {@code @JsonAlias} (the seeds' start_time, post_url): the wire accepts them, so the document
 * must, or a validator refuses what the server takes.
 *
 * <p>It also reads what a record promises: every component the server writes (all but {@code @JsonInclude}
 * NON_NULL-like ones) is {@link #written}, which OpenApiDocument makes required in responses; a component of a
 * JSpecify {@code @NullMarked} record (or package) is non-null unless its type is {@code @Nullable}, where other
 * records' references stay nullable (OpenApiDocument#nullable).
 */
class WireModelResolver extends ModelResolver {
    private static final Set<JsonInclude.Include> ALWAYS = Set.of(JsonInclude.Include.ALWAYS,
            JsonInclude.Include.USE_DEFAULTS);
    private final Map<String, List<String>> written = new ConcurrentHashMap<>();

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
        promises(raw, model);
        for (var component : raw.getRecordComponents()) {
            JsonAlias aliases = field(raw, component.getName(), JsonAlias.class);
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

    /** The wire properties of a record schema that the server always writes, by schema name. */
    List<String> written(String schema) {
        return written.getOrDefault(schema, List.of());
    }

    private void promises(Class<?> record, Schema model) {
        boolean nullMarked = nullMarked(record);
        var always = new java.util.ArrayList<String>();
        for (var component : record.getRecordComponents()) {
            String name = wireName(component.getName());
            Schema property = (Schema) model.getProperties().get(name);
            if (property == null) {
                continue; // @JsonIgnore'd
            }
            if (!written(inclusion(record, component), component.getType())) {
                model.getProperties().put(name, OpenApiDocument.nonNull(property)); // absent rather than null
            } else {
                always.add(name);
                if (nullMarked && !component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                    model.getProperties().put(name, OpenApiDocument.nonNull(property));
                }
            }
        }
        if (model.getName() != null) {
            written.put(model.getName(), List.copyOf(always));
        }
    }

    /** NON_NULL leaves out only nulls, which a primitive never is; NON_DEFAULT and NON_EMPTY leave out 0 too. */
    private static boolean written(JsonInclude.Include include, Class<?> type) {
        return ALWAYS.contains(include) || type.isPrimitive()
                && (include == JsonInclude.Include.NON_NULL || include == JsonInclude.Include.NON_ABSENT);
    }

    private static JsonInclude.Include inclusion(Class<?> record, RecordComponent component) {
        JsonInclude own = field(record, component.getName(), JsonInclude.class);
        if (own == null) {
            own = component.getAccessor().getAnnotation(JsonInclude.class);
        }
        JsonInclude include = own != null ? own : record.getAnnotation(JsonInclude.class);
        return include == null ? JsonInclude.Include.ALWAYS : include.value();
    }

    /** JSpecify's scope: the record, a class it is nested in, or its package. */
    static boolean nullMarked(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (c.isAnnotationPresent(NullMarked.class)) {
                return true;
            }
        }
        AnnotatedElement pkg = type.getPackage();
        return pkg != null && pkg.isAnnotationPresent(NullMarked.class);
    }

    private String wireName(String javaName) {
        return _mapper.getPropertyNamingStrategy() instanceof PropertyNamingStrategies.NamingBase naming
                ? naming.translate(javaName) : javaName;
    }

    private static <A extends java.lang.annotation.Annotation> A field(Class<?> record, String name, Class<A> type) {
        try {
            return record.getDeclaredField(name).getAnnotation(type);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
