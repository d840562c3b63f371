package io.socialsync.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The whole-document rules: RFC 9457 problems on every operation, operationIds, nullable properties. */
final class OpenApiDocument {
    private static final Set<String> NOT_NULL = Set.of("NotNull", "NotBlank", "NotEmpty");

    /** Verbs too vague alone: they get their resource even where unique (headUploadsTus, revokeApiKey). */
    private static final Set<String> VAGUE = Set.of("head", "patch", "options", "update", "revoke", "retry", "test",
            "file", "refresh", "connect", "disconnect", "deactivate", "next", "failed", "posted", "recent", "propose");

    private OpenApiDocument() {
    }

    /** The server writes absent values as null: a property may be null unless Java or validation rules it out. */
    static Schema nullable(Schema property, AnnotatedType type) {
        if (property.getItems() != null) {
            property.setItems(nonNull(property.getItems())); // a list never holds nulls: only the list may be one
        }
        if (type.getPropertyName() == null || Json.mapper().constructType(type.getType()).isPrimitive()) {
            return property; // an array's items, or a long that cannot be null
        }
        Annotation[] annotations = type.getCtxAnnotations();
        if (annotations != null && Arrays.stream(annotations)
                .anyMatch(a -> NOT_NULL.contains(a.annotationType().getSimpleName()))) {
            return property;
        }
        if (property.get$ref() != null) {
            var none = new Schema<>();
            none.addType("null");
            return new Schema<>().anyOf(List.of(new Schema<>().$ref(property.get$ref()), none));
        }
        if (property.getTypes() != null && !property.getTypes().isEmpty()) {
            property.addType("null");
        }
        return property;
    }

    /** The schema without its null alternative (a list's items, a NON_NULL or @NullMarked property). */
    static Schema nonNull(Schema items) {
        if (items.getAnyOf() != null && items.getAnyOf().size() == 2) {
            List<Schema> alternatives = items.getAnyOf();
            return alternatives.stream().filter(s -> s.get$ref() != null).findFirst().orElse(items);
        }
        if (items.getTypes() != null && items.getTypes().size() > 1) {
            items.getTypes().remove("null");
        }
        return items;
    }

    static void finish(OpenAPI api, Function<String, List<String>> written) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(OpenApiDocument::errors));
        operationIds(api);
        required(api, written);
        OpenApiProblems.headsWithoutBodies(api);
    }

    /**
     * What a response always has is required: the server writes every property of its records, null or not, so a
     * generated client need not guess which are there. A schema a request body uses keeps what validation requires
     * (a record only answered is never also sent, and if it were, its clients would have to send everything).
     */
    private static void required(OpenAPI api, Function<String, List<String>> written) {
        Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        var sent = new HashSet<String>();
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(o -> {
            if (o.getRequestBody() != null) {
                references(o.getRequestBody(), schemas, sent);
            }
        }));
        schemas.forEach((name, schema) -> {
            List<String> always = written.apply(name);
            if (sent.contains(name) || always.isEmpty()) {
                return;
            }
            var required = new TreeSet<String>(schema.getRequired() == null ? List.of() : schema.getRequired());
            required.addAll(always);
            schema.setRequired(new ArrayList<>(required));
        });
    }

    /** The component schemas a part of the document refers to, directly or through other schemas. */
    private static void references(Object part, Map<String, Schema> schemas, Set<String> into) {
        var refs = new ArrayList<String>();
        Json.mapper().valueToTree(part).findValues("$ref").forEach(r -> refs.add(r.asText()));
        for (String ref : refs) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (into.add(name) && schemas.containsKey(name)) {
                references(schemas.get(name), schemas, into);
            }
        }
    }

    private static void errors(Operation operation) {
        var responses = operation.getResponses();
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean hasPathId = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
        if (hasInput) {
            responses.putIfAbsent("400", OpenApiProblems.problem("Bad Request: the invalid fields in errors"));
        }
        if (hasPathId) {
            responses.putIfAbsent("404", OpenApiProblems.problem("Not Found (or another workspace's)"));
        }
        responses.putIfAbsent("500", OpenApiProblems.problem("Internal Server Error (logged)"));
        responses.putIfAbsent("default", OpenApiProblems.problem("Any other error: 409, 413, 415, 422, 503, ..."));
    }

    /**
     * Handler method names where unique (videos, schedule), else the name plus the resource from the path
     * (listJobs, getWebhook, verifyWebhookFacebook): springdoc's list_1..list_5 depended on scan order.
     */
    private static void operationIds(OpenAPI api) {
        record Op(String path, Operation operation, String base) {
        }
        var ops = new ArrayList<Op>();
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(o -> ops.add(
                new Op(path, o, o.getOperationId() == null ? "call" : o.getOperationId().replaceAll("_\\d+$", "")))));
        Map<String, Long> counts = ops.stream()
                .collect(Collectors.groupingBy(Op::base, HashMap::new, Collectors.counting()));
        for (var op : ops) {
            boolean plain = counts.get(op.base()) == 1 && !VAGUE.contains(op.base());
            op.operation().setOperationId(plain ? op.base() : op.base() + noun(op.path(), op.base()));
        }
    }

    static String noun(String path, String base) {
        var segments = new ArrayList<>(Arrays.asList(path.substring(1).split("/")));
        if (!segments.isEmpty() && segments.getLast().equalsIgnoreCase(base)) {
            segments.removeLast();
        }
        var noun = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{")) {
                continue;
            }
            boolean last = i == segments.size() - 1;
            boolean singular = last ? !base.equals("list") && !base.equals("get")
                    : segments.get(i + 1).startsWith("{");
            for (String word : segment.split("[-_.]")) {
                String w = singular ? singular(word) : word;
                noun.append(w.substring(0, 1).toUpperCase(Locale.ROOT)).append(w.substring(1));
            }
        }
        return noun.toString();
    }

    private static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        boolean plural = word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us");
        return plural ? word.substring(0, word.length() - 1) : word;
    }
}
