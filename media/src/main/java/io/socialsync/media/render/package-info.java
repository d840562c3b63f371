/**
 * Rendering a clip for the platforms, all variants in one FFmpeg process.
 *
 * <pre>{@code
 * var formats = PlatformFormats.defaults();
 * var request = RenderRequest.of(source, formats.get(List.of("instagram_reel", "tiktok", "facebook")), outDir)
 *         .withClip(Duration.ofSeconds(30), Duration.ofSeconds(20))
 *         .withPresets(List.of(Preset.NONE, Presets.resolve("zoom+mirror", seed)));
 * List<RenderedVariant> files = new Renderer(ffmpeg).render(request, RenderOptions.defaults(), runOptions);
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.socialsync.media.render.PlatformFormat}/{@link io.socialsync.media.render.PlatformFormats}: frame
 *       size and limits per platform, configurable.</li>
 *   <li>{@link io.socialsync.media.render.Preset}/{@link io.socialsync.media.render.Presets}: seeded, reproducible
 *       light variations (zoom, mirror, colour, speed).</li>
 *   <li>{@link io.socialsync.media.render.CropKeyframe}, {@link io.socialsync.media.render.SourceAnalyzer},
 *       {@link io.socialsync.media.render.ReframeDecider}: letterbox removal, saliency-driven 9:16 and 1:1 crops, a
 *       blurred-background pad when the subject does not fit.</li>
 *   <li>{@link io.socialsync.media.render.RenderPlan}: the FFmpeg arguments, built without running anything;
 *       {@link io.socialsync.media.render.Renderer} runs, verifies and delivers them.</li>
 * </ul>
 */
package io.socialsync.media.render;
