/**
 * The engine behind the {@code ANALYSE_VIDEO} job: one FFmpeg decode pass turns a video into per-second
 * {@link io.socialsync.media.analysis.Signals} (scene cuts, motion, loudness, spectral flux, brightness, black and
 * frozen intervals), which are scored into non-overlapping {@link io.socialsync.media.analysis.ClipCandidate}s.
 *
 * <p>Entry points: {@link io.socialsync.media.analysis.Analyser#analyse} and
 * {@link io.socialsync.media.analysis.Thumbnails}. Plain Java, no Spring; pixels never enter the JVM, only the
 * text metadata FFmpeg's filters print to temp files, which are stream-parsed so memory stays flat.
 */
package io.socialsync.media.analysis;
