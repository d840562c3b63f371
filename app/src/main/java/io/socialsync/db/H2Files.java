package io.socialsync.db;

import io.socialsync.config.DataDirectory;
import io.socialsync.config.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.stereotype.Component;

/**
 * The embedded database's files in {@code <data-dir>/db} are private: the data source is created only after
 * {@link DataDirectory} made that directory 0700, and once the context is up (Flyway has run, so every file H2
 * keeps exists) each file there is made 0600. H2 creates them itself, with the umask's permissions.
 */
@Component
class H2Files implements BeanFactoryPostProcessor, ApplicationListener<ContextRefreshedEvent> {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        for (String name : factory.getBeanNamesForType(DataSource.class, true, false)) {
            if (factory.containsBeanDefinition(name)) {
                var definition = factory.getBeanDefinition(name);
                var dependsOn = new ArrayList<>(List.of(definition.getDependsOn() == null ? new String[0]
                        : definition.getDependsOn()));
                dependsOn.add("dataDirectory");
                definition.setDependsOn(dependsOn.toArray(String[]::new));
            }
        }
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        Path db = event.getApplicationContext().getBean(DataDirectory.class).resolve("db");
        try (Stream<Path> files = Files.list(db)) {
            for (Path file : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                try {
                    PrivateFiles.file(file);
                } catch (NoSuchFileException gone) {
                    // a temp file H2 deleted meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the database files in " + db + " private", e);
        }
    }
}
