package io.socialsync.bench;

import java.nio.file.Path;

/** bench/upload's arguments: --bytes N (default 4 GiB), --heap -Xmx…, --jar, --dir (same disk as dd), --keep. */
record Options(long bytes, String heap, Path jar, Path dir, boolean keep) {

    static Options parse(String[] args) {
        long bytes = 4L << 30;
        String heap = "-Xmx256m";
        Path jar = Path.of("app/target/socialsync-exec.jar");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bytes" -> bytes = size(args[++i]);
                case "--heap" -> heap = args[++i];
                case "--jar" -> jar = Path.of(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--keep" -> keep = true;
                case "--help", "-h" -> {
                    System.out.println("usage: bench/upload [--bytes N|512M|4G] [--heap -Xmx256m] [--dir DIR] [--keep]");
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (try --help)");
            }
        }
        return new Options(bytes, heap, jar.toAbsolutePath(), dir.toAbsolutePath(), keep);
    }

    /** 4294967296, 512M, 4G (binary units). */
    static long size(String text) {
        String t = text.strip().toUpperCase();
        long unit = t.endsWith("G") ? 1L << 30 : t.endsWith("M") ? 1L << 20 : t.endsWith("K") ? 1L << 10 : 1;
        return Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
    }
}
