package io.socialsync.bench.chaos;

/** What a chaos run counts; every figure but {@code kills} must be 0 and the ledger must verify. */
record Figures(int kills, long lost, long twice, long publishedTwice, long stuck, long orphans, long leaked,
               boolean ledgerOk) {

    boolean clean() {
        return lost == 0 && twice == 0 && publishedTwice == 0 && stuck == 0 && orphans == 0 && leaked == 0 && ledgerOk;
    }

    String summary() {
        return String.format("chaos: kills=%d lost=%d twice=%d published_twice=%d stuck=%d orphans=%d leaked=%d "
                + "ledger=%s ok=%b", kills, lost, twice, publishedTwice, stuck, orphans, leaked,
                ledgerOk ? "ok" : "FAILED", clean());
    }
}
