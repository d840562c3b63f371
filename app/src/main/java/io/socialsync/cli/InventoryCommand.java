package io.socialsync.cli;

import io.socialsync.inventory.InventoryExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "inventory", mixinStandardHelpOptions = true, description = "The video inventory.",
        subcommands = InventoryCommand.Export.class)
public class InventoryCommand {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the inventory to a Parquet file (the seed's columns; UTC timestamps).")
    static class Export implements Callable<Integer> {
        @Mixin
        ApiKeyCommand.WorkspaceOption ws;
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Option(names = "--parquet", required = true, paramLabel = "FILE", description = "Parquet file to write.")
        Path file;

        @Override
        public Integer call() throws Exception {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--parquet: the folder " + parent + " does not exist");
            }
            try (var ctx = Contexts.tool()) {
                long rows = ctx.getBean(InventoryExport.class).toParquet(ws.id(ctx), file);
                System.out.println("wrote " + rows + " videos to " + file);
            }
            return 0;
        }
    }
}
