package io.productopsdash.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Float vectors as BLOBs: float32, little-endian, no header. */
final class Vectors {
  private Vectors() {}

  static byte[] toBlob(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  static float[] fromBlob(byte[] blob) {
    if (blob.length % Float.BYTES != 0) {
      throw new DataAccessException("Invalid vector BLOB of " + blob.length + " bytes", null);
    }
    float[] v = new float[blob.length / Float.BYTES];
    ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }
}
