package io.socialsync.ingest.tus;

import io.socialsync.support.Api;
import java.net.URI;
import java.net.http.HttpRequest;

/** Hand-made tus requests, for what a well-behaved client never sends. */
record TusRequests(Api api) {

    HttpRequest.Builder request(String location) {
        String path = location.startsWith("http") ? URI.create(location).getPath() : location;
        return api.request(path).header("Tus-Resumable", "1.0.0");
    }

    Api.Response head(String location) {
        return api.send(request(location).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    Api.Response create(long length, String metadata) {
        var builder = request("/uploads/tus").header("Upload-Length", Long.toString(length));
        if (metadata != null) {
            builder.header("Upload-Metadata", metadata);
        }
        return api.send(builder.POST(HttpRequest.BodyPublishers.noBody()));
    }

    Api.Response patch(String location, long offset, byte[] body) {
        return api.send(request(location).header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", Long.toString(offset))
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Api.Response delete(String location) {
        return api.send(request(location).DELETE());
    }
}
