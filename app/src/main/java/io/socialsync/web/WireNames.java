package io.socialsync.web;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bound field's Java path (items[2].accessToken) as the client wrote it (items[2].access_token), by the server's
 * own naming strategy: a validation error must name the field the request had.
 */
record WireNames(UnaryOperator<String> name) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    static final WireNames JAVA = new WireNames(UnaryOperator.identity());

    static WireNames of(JsonMapper json) {
        var config = json.serializationConfig();
        return config.getPropertyNamingStrategy() instanceof PropertyNamingStrategies.NamingBase naming
                ? new WireNames(n -> naming.nameForField(config, null, n)) : JAVA;
    }

    /** Names between dots and outside brackets are translated; map keys and indexes stay as sent. */
    String path(String javaPath) {
        var out = new StringBuilder();
        int depth = 0;
        int i = 0;
        while (i < javaPath.length()) {
            char c = javaPath.charAt(i);
            if (depth == 0 && Character.isJavaIdentifierStart(c)) {
                Matcher m = IDENTIFIER.matcher(javaPath).region(i, javaPath.length());
                m.lookingAt();
                out.append(name.apply(m.group()));
                i = m.end();
                continue;
            }
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
