package io.socialsync.cli;

import io.socialsync.web.Role;
import picocli.CommandLine;

/** {@code --role} read at parse time, so a wrong one is a bad argument (exit 2) before any database is opened. */
final class RoleConverter implements CommandLine.ITypeConverter<Role> {
    @Override
    public Role convert(String value) {
        try {
            return Role.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
