package io.socialsync.cli;

import io.socialsync.SocialSyncApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context in the shape each command needs. */
final class Contexts {
    private Contexts() {
    }

    /** A context for one-shot tools: database and services, no web server, no workers, quiet logs. */
    static ConfigurableApplicationContext tool() {
        return start(WebApplicationType.NONE, Map.of(
                "socialsync.roles.api", "false",
                "socialsync.roles.workers", "false",
                "socialsync.roles.scheduler", "false",
                "logging.level.root", "WARN",
                "logging.level.io.socialsync", "WARN"), new String[0]);
    }

    static ConfigurableApplicationContext start(WebApplicationType type, Map<String, Object> props, String[] args) {
        Map<String, Object> defaults = new HashMap<>(props);
        return new SpringApplicationBuilder(SocialSyncApplication.class)
                .web(type)
                .properties(defaults)
                .run(args);
    }
}
