/**
 * SocialSync's media layer: plain Java over the FFmpeg command line (no JNI, no Spring).
 *
 * <ul>
 *   <li>{@link io.socialsync.media.ffmpeg} finds FFmpeg, runs it safely (timeouts, cancellation, progress) and
 *       describes it for {@code doctor}.</li>
 *   <li>{@link io.socialsync.media.probe} probes and validates uploads.</li>
 *   <li>{@link io.socialsync.media.render} renders clips for the platforms (formats, variants, reframing).</li>
 *   <li>{@link io.socialsync.media.edit} trims, adds text and concatenates.</li>
 * </ul>
 */
package io.socialsync.media;
