package io.socialsync.node;

import io.socialsync.config.DataDirectory;
import io.socialsync.config.SocialSyncProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This process's own work directory, {@code <data-dir>/work/<id>/}: every render, analysis, edit and download
 * works in a sub-directory of it. On start the node deletes the work directories of dead processes (a
 * {@code kill -9} skips every cleanup), and on a clean stop its own.
 */
@Component
public class NodeWork implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(NodeWork.class);
    private final OwnedDir dir;

    public NodeWork(DataDirectory data, SocialSyncProperties properties, Clock clock) {
        Path parent = data.privateDirectory("work");
        this.dir = OwnedDir.claim(parent, note(properties.roles()));
        List<Path> removed = OwnedDir.sweep(parent, clock.instant());
        if (!removed.isEmpty()) {
            log.info("deleted {} work directories left by stopped processes: {}", removed.size(), removed);
        }
    }

    /** {@code pid=…} and the command, read back by {@link DatabaseInUse} for its message. */
    static String note(SocialSyncProperties.Roles roles) {
        String command = roles.scheduler() ? "serve" : roles.workers() ? "worker" : "tool";
        return "pid=" + ProcessHandle.current().pid() + " command=" + command;
    }

    public Path path() {
        return dir.path();
    }

    @Override
    public void destroy() {
        dir.close();
    }
}
