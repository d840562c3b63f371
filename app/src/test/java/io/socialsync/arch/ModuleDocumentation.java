package io.socialsync.arch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes docs/modules (one PlantUML component diagram for all features, one per feature, and a canvas each) from
 * the code as Spring Modulith sees it. Runs only on request, so a test run never rewrites committed docs:
 * {@code mvn -pl app -am test -Dtest=ModuleDocumentation -Dsurefire.failIfNoSpecifiedTests=false -Dsocialsync.docs=true}
 */
class ModuleDocumentation {

    private static final Path OUT = Path.of("../docs/modules");

    @Test
    @EnabledIfSystemProperty(named = "socialsync.docs", matches = "true")
    void writeModuleDocumentation() throws IOException {
        var modules = AppModules.of();
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUT.toString()))
                // internals too: a newcomer looks here for where scheduling or a job handler lives
                .writeDocumentation(Documenter.DiagramOptions.defaults(),
                        Documenter.CanvasOptions.defaults().revealInternals())
                .writeIndividualModulesAsPlantUml();
        try (var files = Files.list(OUT)) {
            for (var puml : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(puml, sortRelations(Files.readAllLines(puml)));
            }
        }
    }

    /**
     * Documenter lists relations and components in hash order; sorted, a regeneration without code changes changes
     * nothing.
     */
    static List<String> sortRelations(List<String> lines) {
        var out = new ArrayList<String>(lines.size());
        var run = new ArrayList<String>();
        for (var line : lines) {
            if (line.startsWith("Rel(") || line.strip().startsWith("Component(")) {
                run.add(line);
                continue;
            }
            run.sort(null);
            out.addAll(run);
            run.clear();
            out.add(line);
        }
        run.sort(null);
        out.addAll(run);
        return out;
    }
}
