package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PresetsTest {
    @Test
    void sameNameAndSeedGiveTheSamePresetDifferentSeedsDiffer() {
        assertThat(Presets.resolve("zoom+mirror+color+speed", 42))
                .isEqualTo(Presets.resolve("zoom+mirror+color+speed", 42));
        assertThat(Presets.resolve("random", 42)).isEqualTo(Presets.resolve("random", 42));
        assertThat(Presets.resolve("color", 1)).isNotEqualTo(Presets.resolve("color", 2));
    }

    @Test
    void namedPresetsChangeOnlyTheirEffects() {
        assertThat(Presets.resolve("none", 5).effects()).isEmpty();
        assertThat(Presets.resolve("zoom", 5).effects()).containsExactly(PresetEffect.ZOOM);
        assertThat(Presets.resolve("mirror", 5).effects()).containsExactly(PresetEffect.MIRROR);
        assertThat(Presets.resolve("Colour", 5).effects()).containsExactly(PresetEffect.COLOR);
        assertThat(Presets.resolve("speed", 5).effects()).containsExactly(PresetEffect.SPEED);
        assertThat(Presets.resolve("zoom+mirror", 5).effects()).isEqualTo(EnumSet.of(PresetEffect.ZOOM,
                PresetEffect.MIRROR));
        // parameters are drawn independently of the name, so a combo shares them with its parts
        assertThat(Presets.resolve("zoom+mirror", 5).zoom()).isEqualTo(Presets.resolve("zoom", 5).zoom());
    }

    @Test
    void drawnParametersStayWithinTheLightRanges() {
        Set<Set<PresetEffect>> randomCombos = new HashSet<>();
        for (long seed = 0; seed < 2000; seed++) {
            Preset p = Presets.resolve("zoom+mirror+color+speed", seed);
            assertThat(p.zoom()).isBetween(1.0, 1.10);
            assertThat(p.brightness()).isBetween(-0.05, 0.05);
            assertThat(p.contrast()).isBetween(0.95, 1.10);
            assertThat(p.saturation()).isBetween(0.9, 1.2);
            assertThat(p.hueDegrees()).isBetween(-8.0, 8.0);
            assertThat(p.speed()).isBetween(0.95, 1.08);
            Preset r = Presets.resolve("random", seed);
            assertThat(r.effects()).as("random never returns an unchanged copy").isNotEmpty();
            randomCombos.add(r.effects());
        }
        assertThat(randomCombos).hasSizeGreaterThan(10);
    }

    @Test
    void describeSaysWhatChanged() {
        assertThat(Preset.NONE.describe()).isEqualTo("none (seed 0): unchanged");
        Preset p = new Preset("zoom+mirror+speed", 9, 1.05, true, 0, 1, 1, 0, 1.02);
        assertThat(p.describe()).isEqualTo("zoom+mirror+speed (seed 9): zoom 1.05, mirrored, speed 1.02x");
    }

    @Test
    void unknownEffectsAreRejectedWithTheKnownNames() {
        assertThatThrownBy(() -> Presets.resolve("zoom+wobble", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'wobble'")
                .hasMessageContaining("zoom+mirror");
    }
}
