package io.socialsync.web;

import org.springframework.http.HttpStatus;

/**
 * Title and detail for an error known only by its status (Tomcat's own refusals, /error): fixed texts, so nothing
 * of the server (paths, versions, exception messages) reaches the client.
 */
final class ErrorStatuses {
    private ErrorStatuses() {
    }

    static String title(int status) {
        var known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "the request could not be read: check its request line, headers (Content-Length among them) "
                    + "and that the path has no encoded slashes, backslashes or dot segments";
            case 404 -> "there is nothing at this path";
            case 405 -> "this path does not take this method";
            case 408 -> "the request took too long to arrive";
            case 413 -> "the request is too large";
            case 414 -> "the request line is too long";
            case 431 -> "the request's headers are too large";
            default -> status >= 500 ? "an unexpected error occurred; it has been logged" : title(status);
        };
    }
}
