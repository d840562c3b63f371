package io.socialsync.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the API, the job workers and the scheduler tick (embedded defaults: H2 + local files).")
public class ServeCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--no-workers", description = "API node only: do not run jobs here.")
    boolean noWorkers;

    @Option(names = "--port", description = "HTTP port (default: SERVER_PORT or 8080).")
    Integer port;

    @Override
    public Integer call() {
        if (port != null && (port < 0 || port > 65535)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535");
        }
        var props = new java.util.HashMap<String, Object>(Map.of("socialsync.roles.workers", !noWorkers));
        if (port != null) {
            props.put("server.port", port);
        }
        Contexts.start(WebApplicationType.SERVLET, props);
        return Waiting.untilShutdown();
    }
}
