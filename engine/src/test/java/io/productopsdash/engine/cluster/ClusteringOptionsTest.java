package io.productopsdash.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusteringOptionsTest {
  @Test
  void defaultsAreTheMeasuredSetting() {
    ClusteringOptions o = ClusteringOptions.defaults();
    assertThat(o.neighbours()).isEqualTo(5);
    assertThat(o.resolution()).isEqualTo(1.0);
    assertThat(o.minClusterFraction()).isEqualTo(0.005);
    assertThat(o.fragmentFraction()).isZero();
    assertThat(o.smoothingNeighbours()).isEqualTo(3);
    assertThat(o.lloydIterations()).isEqualTo(100);
    assertThat(o.seed()).isEqualTo(1L);
    assertThat(o.fixedK()).isNull();
    assertThat(o.subThemes()).isFalse();
    assertThat(o.subThemeMinFraction()).isEqualTo(0.05);
    assertThat(o.subThemeMinSize()).isEqualTo(5);
    assertThat(o.threads()).isEqualTo(2);
    assertThat(o.modularityPruning()).isTrue();
  }

  @Test
  void withersChangeOneSetting() {
    ClusteringOptions o = ClusteringOptions.defaults().withSeed(9).withFixedK(77).withSubThemes(true).withThreads(4);
    assertThat(o.seed()).isEqualTo(9);
    assertThat(o.fixedK()).isEqualTo(77);
    assertThat(o.subThemes()).isTrue();
    assertThat(o.threads()).isEqualTo(4);
    assertThat(o.withFixedK(null).fixedK()).isNull();
    assertThat(o.withNeighbours(10).neighbours()).isEqualTo(10);
    assertThat(o.withMinClusterFraction(0).minClusterFraction()).isZero();
    assertThat(o.withFragmentFraction(1.0 / 3).fragmentFraction()).isEqualTo(1.0 / 3);
    assertThat(o.withModularityPruning(false).modularityPruning()).isFalse();
    assertThat(o.withModularityPruning(false).withSeed(3).modularityPruning()).isFalse();
  }

  @Test
  void invalidSettingsNameTheValue() {
    ClusteringOptions d = ClusteringOptions.defaults();
    assertThatThrownBy(() -> d.withNeighbours(0)).hasMessage("Invalid number of neighbours: 0 (1 to 100)");
    assertThatThrownBy(() -> d.withFixedK(0)).hasMessage("Invalid number of clusters: 0");
    assertThatThrownBy(() -> d.withThreads(-1)).hasMessage("Invalid number of threads: -1");
    assertThatThrownBy(() -> d.withMinClusterFraction(1.5)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> d.withFragmentFraction(-0.1)).hasMessage("Invalid fragment fraction: -0.1 (0 to 1)");
    assertThatThrownBy(() -> ClusteringOptions.defaults().toBuilder().resolution(-1).build())
        .hasMessageContaining("Invalid resolution: -1.0");
    assertThatThrownBy(() -> ClusteringOptions.defaults().toBuilder().smoothingNeighbours(-3).build())
        .hasMessageContaining("-3");
    assertThatThrownBy(() -> ClusteringOptions.defaults().toBuilder().lloydIterations(-1).build())
        .hasMessageContaining("Invalid number of Lloyd iterations: -1");
    assertThatThrownBy(() -> ClusteringOptions.defaults().toBuilder().subThemeMinFraction(0).build())
        .hasMessageContaining("Invalid sub-theme minimum fraction: 0.0");
    assertThatThrownBy(() -> ClusteringOptions.defaults().toBuilder().subThemeMinSize(1).build())
        .hasMessageContaining("Invalid sub-theme minimum size: 1");
  }
}
