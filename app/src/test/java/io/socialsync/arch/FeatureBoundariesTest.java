package io.socialsync.arch;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import io.socialsync.SocialSyncApplication;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.NamedInterface;

/**
 * Issue #10 part 3: a feature is a top-level package under io.socialsync, its API is that package and the types it
 * marks {@code @NamedInterface}; anything else below it (web, handlers, tokens, …) is internal. No exceptions are
 * recorded: any cycle or reach fails. ModulithBoundariesTest checks the same with Spring Modulith; this one needs
 * no module model and names the offending classes in one line each.
 */
class FeatureBoundariesTest {

    private static final String ROOT = "io.socialsync.";

    /** The app's own classes only: the socialsync-media library (io.socialsync.media) is no feature. */
    private static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target/classes"));

    @BeforeAll
    static void importedTheApp() {
        // with nothing imported every rule would pass
        assertTrue(MAIN.contain(SocialSyncApplication.class.getName()), "run from app/ after compiling");
    }

    @Test
    void noCycleBetweenFeatures() {
        ArchRule rule = slices().matching("io.socialsync.(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles();
        rule.check(MAIN);
    }

    @Test
    void noReachIntoAnotherFeaturesInternals() {
        ArchRule rule = classes().that().resideInAPackage("io.socialsync..")
                .should(onlyUseTheTopLevelPackageOfOtherFeatures())
                .as("features use only the top-level package of another feature and what it marks @NamedInterface");
        rule.check(MAIN);
    }

    private static ArchCondition<JavaClass> onlyUseTheTopLevelPackageOfOtherFeatures() {
        return new ArchCondition<>("only use the top-level package of other features") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                var from = feature(origin.getPackageName());
                var reached = new TreeSet<String>();
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    var target = d.getTargetClass().getBaseComponentType();
                    var to = feature(target.getPackageName());
                    if (MAIN.contain(target.getName()) && to.isPresent() && !to.equals(from)
                            && !target.getPackageName().equals(ROOT + to.get()) && !offered(target)) {
                        reached.add(target.getName());
                    }
                }
                // one violation per pair of classes
                reached.forEach(t -> events.add(violated(origin, origin.getName() + " uses " + t)));
            }
        };
    }

    /** Marked @NamedInterface: the type, a type it is nested in, or its package (package-info). */
    private static boolean offered(JavaClass type) {
        for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
            if (t.isAnnotatedWith(NamedInterface.class)) {
                return true;
            }
        }
        return type.getPackage().isAnnotatedWith(NamedInterface.class);
    }

    /** The feature a package belongs to: its first segment below io.socialsync, none for the root package. */
    static Optional<String> feature(String pkg) {
        if (!pkg.startsWith(ROOT)) {
            return Optional.empty();
        }
        var rest = pkg.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
