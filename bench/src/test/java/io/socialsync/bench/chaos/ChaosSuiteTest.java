package io.socialsync.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short chaos run of the normal suite: an API node and two workers of the real jar on embedded PostgreSQL and
 * s3proxy, one upload through analysis, render and publication, three SIGKILLs, a PostgreSQL restart and a 5 s
 * storage outage. The disk-full fault is left to bench/chaos: it needs root to mount a tmpfs, and a test must not
 * depend on that nor risk leaving a mount behind. Every figure must be 0, as in the full run.
 */
class ChaosSuiteTest {
    /** Packaged by the app module before this one runs in {@code mvn verify}. */
    private static final Path JAR = Path.of("../app/target/socialsync-exec.jar").toAbsolutePath().normalize();

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES) // a guard for a wedged run; it takes about two on an idle machine
    void killsAndOutagesLoseNothingDoNothingTwiceAndLeaveNothingBehind(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the server jar is packaged first: run mvn verify, not mvn test");
        var figures = new Chaos(ChaosOptions.shortRun(JAR, dir), System.out).run();
        System.out.println(figures.summary());
        assertThat(figures.kills()).isEqualTo(3);
        assertThat(figures.clean()).as(figures.summary()).isTrue();
    }
}
