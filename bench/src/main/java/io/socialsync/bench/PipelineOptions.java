package io.socialsync.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** bench/pipeline's arguments: --clips N, --formats a,b,c, --env NAME=VALUE (the server's), --jar, --dir, --keep. */
record PipelineOptions(int clips, List<String> formats, Map<String, String> env, String heap, Path jar, Path dir,
                       boolean keep) {

    static PipelineOptions parse(String[] args) {
        int clips = 5;
        List<String> formats = List.of("instagram_reel", "facebook", "youtube");
        var env = new LinkedHashMap<String, String>();
        Path jar = Path.of("app/target/socialsync-exec.jar");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clips" -> clips = Integer.parseInt(args[++i]);
                case "--formats" -> formats = List.of(args[++i].split(","));
                case "--env" -> {
                    String[] kv = args[++i].split("=", 2);
                    env.put(kv[0], kv[1]);
                }
                case "--jar" -> jar = Path.of(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--keep" -> keep = true;
                case "--help", "-h" -> {
                    System.out.println("usage: bench/pipeline [--clips 5] [--formats instagram_reel,facebook,youtube]"
                            + " [--env SOCIALSYNC_X=Y]... [--dir DIR] [--keep]");
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (try --help)");
            }
        }
        return new PipelineOptions(clips, formats, Map.copyOf(env), "-Xmx1g", jar.toAbsolutePath(),
                dir.toAbsolutePath(), keep);
    }
}
