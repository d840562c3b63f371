package io.socialsync.media.probe;

/** One audio track; {@code index} is the absolute stream index, usable as {@code -map 0:<index>}. */
public record AudioStream(int index, String codec, int sampleRate, int channels, String channelLayout) {}
