package io.socialsync.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The success statuses a handler answers when they are not what its signature tells (a {@code ResponseEntity}
 * chooses at run time): OpenApiOperations documents these instead of a bare 200. 204 and 3xx carry no body, 201
 * and 3xx a {@code Location}; every other code carries the return type.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Answers {
    int[] value();
}
