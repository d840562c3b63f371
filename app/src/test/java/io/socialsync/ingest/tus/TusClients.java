package io.socialsync.ingest.tus;

import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLStore;
import io.tus.java.client.TusUpload;
import java.io.File;
import java.io.FileNotFoundException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** tus-java-client set up as an application would: our endpoint, an API key, a URL store for resuming. */
final class TusClients {
    private TusClients() {
    }

    static TusClient client(String baseUrl, String apiKey, TusURLStore store) {
        var client = new TusClient();
        try {
            client.setUploadCreationURL(URI.create(baseUrl + "/uploads/tus").toURL());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        client.enableResuming(store);
        client.setHeaders(Map.of("Authorization", "Bearer " + apiKey));
        return client;
    }

    static TusUpload upload(Path file) {
        try {
            var upload = new TusUpload(new File(file.toString()));
            upload.setMetadata(Map.of("filename", file.getFileName().toString(), "filetype", "video/mp4"));
            upload.setFingerprint("test-" + file.getFileName());
            return upload;
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
