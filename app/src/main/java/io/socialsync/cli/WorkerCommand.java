package io.socialsync.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Run job workers only (extra nodes pointed at the same PostgreSQL and storage).")
public class WorkerCommand implements Callable<Integer> {

    @Option(names = "--name", description = "Worker name shown in job attempts (default: host:pid).")
    String name;

    @Option(names = "--kinds", split = ",", description = "Only run these job kinds (default: all).")
    java.util.List<String> kinds;

    @Override
    public Integer call() {
        var props = new java.util.HashMap<String, Object>(Map.of(
                "socialsync.roles.workers", true,
                "socialsync.roles.scheduler", false));
        if (name != null) {
            props.put("socialsync.jobs.worker-name", name);
        }
        if (kinds != null) {
            props.put("socialsync.jobs.kinds", String.join(",", kinds));
        }
        Contexts.start(WebApplicationType.NONE, props);
        return Waiting.untilShutdown();
    }
}
