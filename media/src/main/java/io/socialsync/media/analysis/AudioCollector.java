package io.socialsync.media.analysis;

/** Reads the audio branch's metadata (ebur128 momentary loudness, aspectralstats flux) into per-second bins. */
final class AudioCollector implements MetadataReader.Listener {
    final SecondBins loudness = new SecondBins();
    final SecondBins flux = new SecondBins();
    final SecondBins onsets = new SecondBins();
    private final OnsetPicker picker = new OnsetPicker(onsets);
    private double time = Double.NaN, lufs, spectralFlux;

    @Override
    public void frame(double ptsTime) {
        flush();
        time = ptsTime;
        lufs = spectralFlux = Double.NaN;
    }

    @Override
    public void value(String key, double value) {
        switch (key) {
            case "lavfi.r128.M" -> lufs = Math.max(Signals.SILENCE_LUFS, value); // -inf/-120 in digital silence
            case "lavfi.aspectralstats.1.flux" -> spectralFlux = value;
            default -> { }
        }
    }

    @Override
    public void end() {
        flush();
    }

    private void flush() {
        if (!Double.isFinite(time)) return;
        loudness.add(time, lufs);
        flux.add(time, spectralFlux);
        picker.accept(time, spectralFlux, lufs);
        time = Double.NaN;
    }
}
