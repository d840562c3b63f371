package io.socialsync.net;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;

/** A response of {@link GuardedHttp}: status, a few headers and the body as a stream. Close it. */
public final class Fetched implements Closeable {
    private final URI url;
    private final ClassicHttpResponse response;

    Fetched(URI url, ClassicHttpResponse response) {
        this.url = url;
        this.response = response;
    }

    /** Where the response came from, after redirects. */
    public URI url() {
        return url;
    }

    public int status() {
        return response.getCode();
    }

    /** The header's value, or null. */
    public String header(String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    /** -1 when unknown (chunked). */
    public long contentLength() {
        return response.getEntity() == null ? -1 : response.getEntity().getContentLength();
    }

    public InputStream body() throws IOException {
        return response.getEntity() == null ? InputStream.nullInputStream() : response.getEntity().getContent();
    }

    @Override
    public void close() throws IOException {
        response.close();
    }
}
