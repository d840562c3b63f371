package io.socialsync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docs/n8n-workflow.json on a real n8n Community Edition (npm, app/src/test/node/n8n; bin/setup-node installs it
 * when SOCIALSYNC_N8N=1, it is large): imported with {@code n8n import:workflow}, its credential with
 * {@code import:credentials}, run once with {@code n8n execute}. One run claims and posts every due publication (the
 * placeholder upload points at WireMock) and reports each posted with the platform's id: no paid Variables involved.
 * The push variant is imported alongside; its webhook trigger runs only in a started n8n, which this test does not
 * start.
 */
class N8nWorkflowTest extends PlatformTest {
    static final Path DIR = Path.of("src/test/node/n8n");
    static final Path N8N = DIR.resolve("node_modules/n8n/bin/n8n");
    static final Path WORKFLOW = Path.of("../docs/n8n-workflow.json");
    static final Path PUSH = Path.of("../docs/n8n-workflow-push.json");

    @Test
    void oneRunPostsEveryDuePublicationAndReportsEach() throws Exception {
        assumeTrue(Files.isRegularFile(N8N), "n8n is not installed: SOCIALSYNC_N8N=1 bin/setup-node");
        long account = account("tiktok", Map.of(), null); // no token: an orchestrator posts for it
        assertThat(api.post("/rules", PublishingFixtures.json(Map.of("rules", Map.of("tiktok", Map.of(
                "window_start_hour", 0, "window_end_hour", 24, "min_gap_minutes", 0))))).status()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(schedule("tiktok", account, video("tiktok", 2000 + i), "post " + i));
        }
        fallDue();
        // the platform's answer names the post after its caption, so each report can be matched to its upload
        PLATFORMS.stubFor(post("/n8n-upload").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"tt-{{request.headers.X-Caption}}\", \"url\": \"https://tiktok.example/"
                        + "{{request.headers.X-Caption}}\"}").withTransformers("response-template")));

        Path home = Files.createTempDirectory("n8n");
        var env = Map.of("N8N_USER_FOLDER", home.toString(), "N8N_ENCRYPTION_KEY", "socialsync-n8n-test-key",
                "N8N_DIAGNOSTICS_ENABLED", "false", "N8N_VERSION_NOTIFICATIONS_ENABLED", "false",
                "N8N_BLOCK_ENV_ACCESS_IN_NODE", "false", "SOCIALSYNC_URL", api.baseUrl(),
                "SOCIALSYNC_UPLOAD_URL", base() + "/n8n-upload");
        Path credentials = home.resolve("credentials.json");
        Files.writeString(credentials, PublishingFixtures.json(List.of(Map.of("id", "socialsync-api-key",
                "name", "SocialSync API key", "type", "httpHeaderAuth",
                "data", Map.of("name", "Authorization", "value", "Bearer " + api.key())))));
        n8n(env, "import:credentials", "--input=" + credentials);
        n8n(env, "import:workflow", "--input=" + WORKFLOW.toAbsolutePath());
        n8n(env, "import:workflow", "--input=" + PUSH.toAbsolutePath()); // imports too (runs only as a server)
        n8n(env, "execute", "--id=SocialSyncPull01");

        for (int i = 0; i < ids.size(); i++) {
            var publication = publication(ids.get(i));
            assertThat(publication.path("status").asString()).as(publication.toString()).isEqualTo("posted");
            assertThat(publication.path("external_id").asString()).isEqualTo("tt-post " + i);
        }
        PLATFORMS.verify(3, postRequestedFor(urlPathEqualTo("/n8n-upload")));
        assertThat(PLATFORMS.findAll(postRequestedFor(urlPathEqualTo("/n8n-upload"))))
                .extracting(r -> r.getBody().length).containsExactlyInAnyOrder(2000, 2001, 2002);
        assertThat(api.get("/publishing/next").status()).isEqualTo(204);
    }

    private static void n8n(Map<String, String> env, String... args) throws Exception {
        var command = new ArrayList<>(List.of("node", N8N.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("n8n", ".log");
        var builder = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        var process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("n8n " + String.join(" ", args)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertThat(process.exitValue()).as("n8n " + String.join(" ", args) + "\n" + output).isZero();
    }
}
