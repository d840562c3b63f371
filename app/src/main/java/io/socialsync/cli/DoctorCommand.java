package io.socialsync.cli;

import io.socialsync.Errors;
import io.socialsync.config.DataDirectory;
import io.socialsync.mediawork.MediaTools;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Print what this installation uses: database, storage, FFmpeg, and their versions.")
public class DoctorCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        int problems = 0;
        try (var ctx = Contexts.tool()) {
            try (var connection = ctx.getBean(DataSource.class).getConnection()) {
                var meta = connection.getMetaData();
                System.out.printf("database  %s %s%n          %s%n", meta.getDatabaseProductName(),
                        meta.getDatabaseProductVersion(), meta.getURL());
            }
            var dataDir = ctx.getBean(DataDirectory.class).root();
            System.out.printf("storage   local files under %s (%d MB free)%n", dataDir,
                    java.nio.file.Files.getFileStore(dataDir).getUsableSpace() / (1024 * 1024));
            try {
                var info = ctx.getBean(MediaTools.class).info();
                System.out.println(info.describe().lines().map(l -> l.startsWith("source:") ? "ffmpeg    " + l
                        : "          " + l).reduce((a, b) -> a + "\n" + b).orElse(""));
            } catch (RuntimeException e) {
                System.out.println("ffmpeg    NOT FOUND: " + Errors.oneLine(e));
                problems++;
            }
        }
        System.out.println(problems == 0 ? "all good" : problems + " problem(s) found");
        return problems == 0 ? 0 : 1;
    }
}
