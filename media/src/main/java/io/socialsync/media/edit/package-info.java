/**
 * Edit operations from the MoviePy service (trim, add_text, concatenate) as plain functions of input and output
 * paths: {@link io.socialsync.media.edit.Editor#apply} takes an {@link io.socialsync.media.edit.EditOperation}.
 * Text is drawn with Java2D ({@link io.socialsync.media.edit.TextImage}) since the bundled FFmpeg has no
 * {@code drawtext}.
 */
package io.socialsync.media.edit;
