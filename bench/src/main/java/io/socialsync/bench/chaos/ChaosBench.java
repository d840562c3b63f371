package io.socialsync.bench.chaos;

/**
 * bench/chaos: SocialSync under faults (see {@link Chaos}); prints what happened and what it counted, the last
 * line a summary. Exit 0 when every figure is 0 and the ledger verifies, 1 otherwise.
 */
public final class ChaosBench {
    private ChaosBench() {
    }

    public static void main(String[] args) throws Exception {
        var figures = new Chaos(ChaosOptions.parse(args), System.out).run();
        System.out.println(figures.summary());
        System.exit(figures.clean() ? 0 : 1);
    }
}
