package io.productopsdash.engine.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipHash24Test {
  /** Key 00 01 .. 0f and message 00 01 .. (n-1), as in the reference implementation's vectors. */
  private static long reference(int n) {
    byte[] key = new byte[16];
    for (int i = 0; i < 16; i++) {
      key[i] = (byte) i;
    }
    byte[] message = new byte[n];
    for (int i = 0; i < n; i++) {
      message[i] = (byte) i;
    }
    return new SipHash24(key).hash(message);
  }

  @Test
  void matchesTheReferenceVectors() {
    assertThat(reference(0)).isEqualTo(0x726fdb47dd0e0e31L);
    assertThat(reference(1)).isEqualTo(0x74f839c593dc67fdL);
    assertThat(reference(8)).isEqualTo(0x93f5f5799a932462L);
    // The worked example of the paper (Aumasson and Bernstein, appendix A): 15 bytes.
    assertThat(reference(15)).isEqualTo(0xa129ca6149be45e5L);
  }

  @Test
  void keyChangesTheHash() {
    byte[] other = new byte[16];
    other[0] = 1;
    assertThat(new SipHash24(other).hash(new byte[] {1, 2, 3}))
        .isNotEqualTo(new SipHash24(new byte[16]).hash(new byte[] {1, 2, 3}));
  }
}
