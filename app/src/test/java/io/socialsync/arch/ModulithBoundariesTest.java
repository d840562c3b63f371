package io.socialsync.arch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue #10 part 3, held by Spring Modulith: {@code verify()} fails on a cycle between features and on a use of a
 * type another feature keeps internal (anything below its top-level package that it does not mark
 * {@code @NamedInterface}).
 */
class ModulithBoundariesTest {

    @Test
    void featuresFormNoCycleAndUseOnlyEachOthersApi() {
        var modules = AppModules.of();
        // with nothing imported there would be nothing to verify
        assertThat(modules.getModuleByName("publish")).isPresent();
        modules.verify();
    }
}
