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
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import io.socialsync.SocialSyncApplication;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #10 part 3: a feature is a top-level package under io.socialsync, its API is that package, anything
 * below it (web, handlers, tokens, …) is internal. The violations that exist today are frozen in
 * src/test/resources/archunit_store; a new one fails, a fixed one drops out of the store.
 */
class FeatureBoundariesTest {

    private static final String ROOT = "io.socialsync.";

    /** The app's own classes only: the socialsync-media library (io.socialsync.media) is no feature. */
    private static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target/classes"));

    @BeforeAll
    static void importedTheApp() {
        // with nothing imported every frozen violation would look fixed and be dropped from the store
        assertTrue(MAIN.contain(SocialSyncApplication.class.getName()), "run from app/ after compiling");
    }

    @Test
    void noNewCycleBetweenFeatures() {
        ArchRule rule = slices().matching("io.socialsync.(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles();
        FreezingArchRule.freeze(rule).check(MAIN);
    }

    @Test
    void noNewReachIntoAnotherFeaturesInternals() {
        ArchRule rule = classes().that().resideInAPackage("io.socialsync..")
                .should(onlyUseTheTopLevelPackageOfOtherFeatures())
                .as("features use only the top-level package of another feature, never its web or other subpackages");
        FreezingArchRule.freeze(rule).check(MAIN);
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
                            && !target.getPackageName().equals(ROOT + to.get())) {
                        reached.add(target.getName());
                    }
                }
                // one violation per pair of classes, without line numbers, so the frozen store survives edits
                reached.forEach(t -> events.add(violated(origin, origin.getName() + " uses " + t)));
            }
        };
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
