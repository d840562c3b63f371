package io.socialsync.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a long-running role alive until the JVM is asked to stop (Spring closes the context itself). */
final class Waiting {
    private Waiting() {
    }

    static int untilShutdown() {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
