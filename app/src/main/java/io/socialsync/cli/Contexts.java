package io.socialsync.cli;

import io.socialsync.SocialSyncApplication;
import io.socialsync.node.DatabaseInUse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context in the shape each command needs. */
final class Contexts {
    private Contexts() {
    }

    /**
     * A context for one-shot tools: database and services, no web server, no workers. Logs are quiet so that
     * stdout carries only the tool's answer.
     */
    static ConfigurableApplicationContext tool() {
        return start(WebApplicationType.NONE, Map.of(
                "socialsync.roles.workers", false,
                "socialsync.roles.scheduler", false,
                // a one-shot command answers now: only serve and worker wait for an unreachable database
                "socialsync.db-startup-wait", "0s",
                "logging.level.root", "ERROR",
                "logging.level.io.socialsync", "ERROR",
                "logging.level.org.flywaydb", "ERROR",
                // no failure-analysis banner on stdout: the CLI prints the failure as one line
                "logging.level.org.springframework.boot.diagnostics", "OFF",
                "spring.main.log-startup-info", false));
    }

    /**
     * The command's settings go in as command-line properties: they must outrank application.yml (a role
     * chosen by the command wins over the file), while environment variables still configure the rest.
     */
    static ConfigurableApplicationContext start(WebApplicationType type, Map<String, Object> settings) {
        var ordered = new LinkedHashMap<>(settings);
        String[] args = ordered.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try {
            return new SpringApplicationBuilder(SocialSyncApplication.class).web(type).run(args);
        } catch (RuntimeException e) {
            // another process holds the embedded database: one sentence, exit 1 (no cause: the CLI prints the
            // root's message, here H2's "The file is locked")
            throw DatabaseInUse.message(e).<RuntimeException>map(IllegalStateException::new).orElse(e);
        }
    }
}
