package io.socialsync.net;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;

/**
 * A response of {@link GuardedHttp}: status, a few headers and the body as a stream. Close it: closing aborts the
 * connection instead of reading the rest of the body (Apache's default, which a server sending an endless body
 * would turn into a worker held forever), so a connection is never reused.
 */
public final class Fetched implements Closeable {
    private final URI url;
    private final Cancellable request;
    private final ClassicHttpResponse response;
    private InputStream body;

    Fetched(URI url, Cancellable request, ClassicHttpResponse response) {
        this.url = url;
        this.request = request;
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

    /** The body; closing it closes the whole response, as {@link #close} does. */
    public InputStream body() throws IOException {
        if (body == null) {
            InputStream in = response.getEntity() == null ? InputStream.nullInputStream() : response.getEntity().getContent();
            body = new FilterInputStream(in) {
                @Override
                public void close() {
                    Fetched.this.close();
                }
            };
        }
        return body;
    }

    @Override
    public void close() {
        request.cancel();
        try {
            response.close();
        } catch (IOException aborted) {
            // the socket was closed on purpose, just above
        }
    }
}
