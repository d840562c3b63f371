package io.socialsync.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import io.socialsync.SocialSyncApplication;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The features as Spring Modulith sees them: every package right below io.socialsync is a module, its API the
 * top-level package plus what it marks {@code @NamedInterface}. Only the app's own classes are imported: the
 * socialsync-media library shares the io.socialsync.media package name but is a library below every module.
 */
final class AppModules {
    /** The app's classes directory (or jar), as a path: test classes and the libraries' jars lie elsewhere. */
    private static final String APP_CLASSES =
            SocialSyncApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath();

    private AppModules() {
    }

    static ApplicationModules of() {
        ImportOption appOnly = location -> location.contains(APP_CLASSES);
        return ApplicationModules.of(SocialSyncApplication.class, appOnly);
    }
}
