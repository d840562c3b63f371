package io.socialsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.ContractValidation;
import io.socialsync.support.ServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/openapi.json is what the code generates, and the document says what the wire does. Regenerate the file
 * after changing the API with bin/openapi (this test with -Dsocialsync.openapi.write=true).
 */
class OpenApiDocumentTest extends ServerTest {
    static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
    static final String REGENERATE = "bin/openapi (or: mvn -pl app -am test -Dtest=OpenApiDocumentTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dsocialsync.openapi.write=true)";
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
    private JsonNode document;

    @Test
    void theCommittedDocumentIsTheGeneratedOne() throws Exception {
        String generated = PRETTY.writeValueAsString(document()) + "\n";
        if (Boolean.getBoolean("socialsync.openapi.write")) {
            Files.writeString(COMMITTED, generated);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        assertThat(committed).as("docs/openapi.json drifted from the code (first difference at line %d); "
                + "regenerate it with %s and commit it", firstDifference(committed, generated), REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void everyPropertyAndParameterHasItsWireName() {
        var names = new ArrayList<String>();
        collectPropertyNames(document(), names);
        assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(n).as("property").doesNotMatch(".*[A-Z].*"));
        operations().forEach(op -> op.path("parameters").forEach(p -> {
            if (!p.path("in").asString().equals("header")) {
                assertThat(p.path("name").asString()).as(op.path("operationId").asString()).doesNotMatch(".*[A-Z].*");
            }
            assertThat(p.path("description").asString()).as("description of " + p.path("name").asString() + " in "
                    + op.path("operationId").asString()).isNotBlank();
        }));
        var jobs = document().path("components").path("schemas");
        assertThat(jobs.path("JobView").path("properties").has("run_at")).isTrue();
        assertThat(jobs.path("VideoView").path("properties").has("size_bytes")).isTrue();
        assertThat(jobs.path("PageVideoView").path("properties").has("next_cursor")).isTrue();
        assertThat(jobs.path("ScheduleBody").path("properties").has("scheduled_for")).isTrue();
        // Jackson trees are free-form objects, not the JsonNode bean's getters
        assertThat(jobs.has("JsonNode")).isFalse();
        assertThat(jobs.path("VariantView").path("properties").path("preset_params").has("properties")).isFalse();
        assertThat(PRETTY.writeValueAsString(document())).doesNotContain("hueDegrees").doesNotContain("nodeType");
    }

    @Test
    void operationsHaveMeaningfulIdsTagsStatusesAndProblems() {
        var ids = new HashSet<String>();
        operations().forEach(op -> {
            String id = op.path("operationId").asString();
            assertThat(id).doesNotMatch(".*_\\d+$");
            assertThat(ids.add(id)).as("unique operationId " + id).isTrue();
            assertThat(op.path("tags")).as(id).hasSize(1);
            var responses = op.path("responses");
            boolean head = id.startsWith("head"); // a HEAD answer has no body, its errors neither
            assertThat(responses.path("500").path("content").has("application/problem+json")).as(id).isNotEqualTo(head);
            assertThat(responses.path("default").path("content").has("application/problem+json")).as(id)
                    .isNotEqualTo(head);
        });
        var paths = document().path("paths");
        assertThat(paths.path("/jobs").path("get").path("operationId").asString()).isEqualTo("listJobs");
        assertThat(paths.path("/jobs").path("post").path("responses").has("201")).isTrue();
        assertThat(paths.path("/jobs").path("post").path("responses").path("400").path("content")
                .has("application/problem+json")).isTrue();
        assertThat(paths.path("/videos/{id}/analyse").path("post").path("responses").has("202")).isTrue();
        assertThat(paths.path("/webhooks/{id}").path("delete").path("responses").has("204")).isTrue();
        assertThat(paths.path("/videos/{id}/file").path("get").path("responses").has("302")).isTrue();
        assertThat(paths.path("/files/{key}").path("get").path("responses").has("206")).isTrue();
        assertThat(paths.path("/files/{key}").path("get").path("responses").has("416")).isTrue();
        assertThat(paths.has("/publishing/schedule/{clip_id}")).isTrue();
        assertThat(paths.path("/upload").path("post").path("requestBody").path("content")
                .path("multipart/form-data").isMissingNode()).isFalse();
        assertThat(paths.path("/uploads/tus/{id}").path("patch").path("requestBody").path("content")
                .has("application/offset+octet-stream")).isTrue();
    }

    @Test
    void keysAreBearerOrXApiKeyOrAPersonsTokenExceptOnThePublicPaths() {
        var schemes = document().path("components").path("securitySchemes");
        assertThat(schemes.path("apiKey").path("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.path("apiKeyHeader").path("name").asString()).isEqualTo("X-API-Key");
        assertThat(schemes.path("bearerJwt").path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(document().path("security")).hasSize(3);
        var paths = document().path("paths");
        assertThat(paths.path("/webhook/instagram").path("post").path("security")).isEmpty();
        assertThat(paths.path("/files/{key}").path("get").path("security")).isEmpty();
        assertThat(paths.path("/auth/login").path("post").path("security")).isEmpty();
        assertThat(paths.path("/jobs").path("get").has("security")).isFalse();
        assertThat(paths.path("/jobs").path("get").path("responses").has("401")).isTrue();
    }

    /** The validator every API test goes through reads OpenAPI 3.1: type arrays, null, wrong types. */
    @Test
    void theContractValidatorEnforcesThe31Document() {
        String ok = JOB.formatted("\"state\":\"SCHEDULED\",");
        assertThat(ContractValidation.responseErrors(admin.baseUrl(), "GET", "/jobs/1", 200, ok)).isEmpty();
        assertThat(ContractValidation.responseErrors(admin.baseUrl(), "GET", "/jobs/1", 200,
                "{\"id\":\"one\",\"run_at\":\"not a time\"}")).hasSizeGreaterThanOrEqualTo(1);
        assertThat(ContractValidation.responseErrors(admin.baseUrl(), "GET", "/jobs/1", 404,
                "{\"title\":\"Not Found\",\"status\":\"404\"}")).isNotEmpty();
    }

    /** A response without a property its record always writes, or with null where the record rules it out. */
    @Test
    void theContractValidatorRefusesAResponseMissingARequiredProperty() {
        assertThat(ContractValidation.responseErrors(admin.baseUrl(), "GET", "/jobs/1", 200, JOB.formatted("")))
                .singleElement().asString().contains("required").contains("state");
        assertThat(ContractValidation.responseErrors(admin.baseUrl(), "GET", "/jobs/1", 200,
                JOB.formatted("\"state\":null,"))).singleElement().asString().contains("null");
    }

    /**
     * Required is what the server always writes (a response record's every component, nulls included), non-null
     * what a @NullMarked record rules out; a request body requires only what validation does.
     */
    @Test
    void responsesRequireWhatTheServerAlwaysWritesRequestsWhatItRefusesWithout() {
        var schemas = document().path("components").path("schemas");
        var job = schemas.path("JobView");
        assertThat(job.path("required").valueStream().map(JsonNode::asString))
                .contains("id", "kind", "state", "run_at", "created_at", "finished_at", "attempts");
        assertThat(job.path("properties").path("state").path("type").asString()).isEqualTo("string");
        assertThat(job.path("properties").path("created_at").path("type").asString()).isEqualTo("string");
        assertThat(job.path("properties").path("finished_at").path("type").valueStream().map(JsonNode::asString))
                .containsExactly("string", "null");
        assertThat(schemas.path("CreateJob").path("required").valueStream().map(JsonNode::asString))
                .containsExactly("kind");
        // RulesView leaves out its nulls (@JsonInclude NON_NULL): only its primitives are promised, nothing is null
        var rules = schemas.path("RulesView");
        assertThat(rules.path("required").valueStream().map(JsonNode::asString)).contains("version")
                .doesNotContain("created_at", "learned");
        assertThat(rules.path("properties").path("created_at").path("type").asString()).isEqualTo("string");
    }

    /** A job as GET /jobs/{id} answers it, with %s where its state goes. */
    private static final String JOB = "{\"id\":1,\"kind\":\"NOOP\",%s\"priority\":0,\"attempt\":0,"
            + "\"max_attempts\":5,\"run_at\":\"2031-01-01T00:00:00Z\",\"payload\":{\"any\":[1]},\"result\":null,"
            + "\"idempotency_key\":null,\"parent_id\":null,\"progress\":{\"percent\":0,\"message\":null},"
            + "\"last_error\":null,\"lease_owner\":null,\"lease_expires_at\":null,"
            + "\"created_at\":\"2030-01-01T00:00:00Z\",\"started_at\":null,\"finished_at\":null,\"attempts\":null}";

    private JsonNode document() {
        if (document == null) {
            document = admin.withKey(null).get("/v3/api-docs").json();
        }
        return document;
    }

    private List<JsonNode> operations() {
        var ops = new ArrayList<JsonNode>();
        document().path("paths").forEach(item -> item.forEach(ops::add));
        return ops;
    }

    private static void collectPropertyNames(JsonNode node, List<String> names) {
        if (node.isObject()) {
            node.path("properties").propertyNames().forEach(names::add);
            node.forEach(child -> collectPropertyNames(child, names));
        } else if (node.isArray()) {
            node.forEach(child -> collectPropertyNames(child, names));
        }
    }

    private static int firstDifference(String a, String b) {
        var x = a.lines().toList();
        var y = b.lines().toList();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            if (!x.get(i).equals(y.get(i))) {
                return i + 1;
            }
        }
        return Math.min(x.size(), y.size()) + 1;
    }
}
