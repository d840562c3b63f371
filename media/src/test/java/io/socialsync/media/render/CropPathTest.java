package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CropPathTest {
    @Test
    void aSingleKeyframeIsAFixedClampedCentre() {
        assertThat(CropPath.xExpression(List.of(new CropKeyframe(3, 0.8)), 2))
                .isEqualTo("clip((if(lt(t,1),0.8,0.8))*iw-ow/2,0,iw-ow)");
    }

    @Test
    void keyframesAreShiftedToClipTimeAndInterpolated() {
        String e = CropPath.centreExpression(List.of(new CropKeyframe(10, 0.2), new CropKeyframe(12, 0.6)), 10);
        assertThat(e).isEqualTo("if(lt(t,0),0.2,if(lt(t,2),0.2+(0.4)*(t-(0))/2,0.6))");
    }

    @Test
    void redundantKeyframesOnAStraightLineAreDropped() {
        var k = List.of(new CropKeyframe(0, 0.5), new CropKeyframe(1, 0.5), new CropKeyframe(2, 0.5),
                new CropKeyframe(2.001, 0.9), new CropKeyframe(3, 0.9));
        assertThat(CropPath.simplify(k)).containsExactly(new CropKeyframe(0, 0.5), new CropKeyframe(2, 0.5),
                new CropKeyframe(2.001, 0.9), new CropKeyframe(3, 0.9));
    }
}
