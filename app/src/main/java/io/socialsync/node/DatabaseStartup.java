package io.socialsync.node;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Registers {@link DatabaseStartupWait}: a post-processor, so static and bound by hand (before properties beans). */
@Configuration(proxyBeanMethods = false)
class DatabaseStartup {

    @Bean
    static DatabaseStartupWait databaseStartupWait(Environment environment) {
        return new DatabaseStartupWait(Binder.get(environment).bind("socialsync.db-startup-wait", Duration.class)
                .orElse(Duration.ofSeconds(60)));
    }
}
