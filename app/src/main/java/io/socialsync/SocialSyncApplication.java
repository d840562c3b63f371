package io.socialsync;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Spring context shared by every process role; the CLI decides which role runs. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SocialSyncApplication {
}
