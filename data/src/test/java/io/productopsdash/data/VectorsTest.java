package io.productopsdash.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VectorsTest {
  @Test
  void storesFloat32LittleEndian() {
    byte[] blob = Vectors.toBlob(new float[] {1f, -2.5f});
    // 1.0f = 0x3F800000, -2.5f = 0xC0200000, low byte first.
    assertThat(blob).containsExactly(0, 0, (byte) 0x80, 0x3F, 0, 0, 0x20, (byte) 0xC0);
    assertThat(Vectors.fromBlob(blob)).containsExactly(1f, -2.5f);
  }

  @Test
  void rejectsARaggedBlob() {
    assertThatThrownBy(() -> Vectors.fromBlob(new byte[5])).hasMessageContaining("5 bytes");
  }
}
