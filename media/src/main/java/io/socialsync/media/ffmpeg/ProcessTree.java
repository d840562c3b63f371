package io.socialsync.media.ffmpeg;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Kills a process and everything it spawned, so nothing outlives a timeout or a cancel. */
final class ProcessTree {
    private ProcessTree() {}

    static void kill(ProcessHandle root) {
        // Snapshot first: once the root dies its children are re-parented and no longer show up as descendants.
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        // Only the root is awaited: it is our child and reaped at once, while the JDK can only poll for the exit of
        // a grandchild (seconds, until init reaps it). A SIGKILLed process writes nothing more either way.
        awaitExit(root);
    }

    private static void awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException ignored) {
            // SIGKILL was sent; nothing more we can do
        }
    }
}
