package io.socialsync.platforms;

/** How an ads call ended: done, refused (nothing happened), or sent with no answer (it may have happened). */
public sealed interface AdsCall<T> {

    record Done<T>(T value) implements AdsCall<T> {
    }

    record Failed<T>(AdsFailure failure) implements AdsCall<T> {
    }

    record Unknown<T>(String detail) implements AdsCall<T> {
    }
}
