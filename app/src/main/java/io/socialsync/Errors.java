package io.socialsync;

/** Turns an exception chain into the one line a person reads. */
public final class Errors {
    private Errors() {
    }

    public static String oneLine(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return message.replaceAll("\\s+", " ").trim();
    }
}
