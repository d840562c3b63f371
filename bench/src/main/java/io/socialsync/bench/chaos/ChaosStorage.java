package io.socialsync.bench.chaos;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * S3 storage for every node: s3proxy in this process over a filesystem blobstore. An outage stops the HTTP server
 * (connections refused, as when the store is down or unreachable) and starts a new one on the same port.
 */
final class ChaosStorage implements AutoCloseable {
    static final String BUCKET = "chaos";
    static final String ACCESS_KEY = "chaos-access";
    static final String SECRET_KEY = "chaos-secret";
    private final BlobStore blobs;
    private final URI endpoint;
    private S3Proxy proxy;

    ChaosStorage(Path baseDir, int port) throws Exception {
        Files.createDirectories(baseDir.resolve(BUCKET)); // a filesystem blobstore's bucket is a directory
        var props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", baseDir.toString());
        props.setProperty("jclouds.identity", ACCESS_KEY);
        props.setProperty("jclouds.credential", SECRET_KEY);
        blobs = BlobStores.create("filesystem", props);
        endpoint = URI.create("http://127.0.0.1:" + port);
        start();
    }

    URI endpoint() {
        return endpoint;
    }

    private void start() throws Exception {
        proxy = S3Proxy.builder().blobStore(blobs).endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true).stopTimeout(0).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
    }

    /** Unreachable for {@code downMillis}. */
    synchronized void outage(long downMillis) throws Exception {
        proxy.stop();
        Thread.sleep(downMillis);
        start();
    }

    @Override
    public synchronized void close() throws Exception {
        proxy.stop();
    }
}
