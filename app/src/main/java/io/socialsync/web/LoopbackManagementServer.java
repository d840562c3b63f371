package io.socialsync.web;

import java.net.InetAddress;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A separate management port (SOCIALSYNC_MANAGEMENT_PORT) serves metrics without a key, so it listens on loopback
 * unless management.server.address names another address. The default cannot sit in application.yml: Spring Boot
 * refuses a management address when there is no management port. Component scanning finds this class in the main
 * context as well, where it must not bind the API port to loopback: it applies only in a child context.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@Conditional(LoopbackManagementServer.InChildContext.class)
public class LoopbackManagementServer {

    /** The management server's context is the only child context this application has. */
    static final class InChildContext implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getBeanFactory() != null && context.getBeanFactory().getParentBeanFactory() != null;
        }
    }

    @Bean
    LoopbackAddress loopbackManagementAddress(ManagementServerProperties properties) {
        return new LoopbackAddress(properties);
    }

    /** After Spring Boot's own management customizer (order 0), which sets the configured address, null included. */
    record LoopbackAddress(ManagementServerProperties properties)
            implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableWebServerFactory factory) {
            if (properties.getAddress() == null) {
                factory.setAddress(InetAddress.getLoopbackAddress());
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
