package io.productopsdash.data;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test, so that a data folder on it really runs out of space
 * ({@code ENOSPC}, which SQLite reports as {@code SQLITE_FULL}). Mounting needs root (CI runs as
 * root): as root a failed mount fails the test; otherwise the test is skipped, saying why.
 */
public final class SmallFileSystem implements AutoCloseable {
  private final Path mountPoint;
  private final Path filler;

  private SmallFileSystem(Path mountPoint) {
    this.mountPoint = mountPoint;
    this.filler = mountPoint.resolve("filler.bin");
  }

  /** Mounts a tmpfs of {@code megabytes} at {@code mountPoint} (created if needed). */
  public static SmallFileSystem mount(Path mountPoint, int megabytes) throws IOException, InterruptedException {
    Files.createDirectories(mountPoint);
    String[] command = {"mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString()};
    String output;
    int exit;
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      exit = p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      output = e.getMessage();
      exit = -1;
    }
    if (exit != 0) {
      String why = "cannot mount a tmpfs to fill (" + output + "): run as root, as .ci/run does";
      if (isRoot()) {
        fail("Mounting a tmpfs as root failed: " + output);
      }
      Assumptions.abort(why);
    }
    return new SmallFileSystem(mountPoint);
  }

  private static boolean isRoot() {
    try {
      Process p = new ProcessBuilder("id", "-u").start();
      String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor();
      return "0".equals(uid);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public Path root() {
    return mountPoint;
  }

  /** Writes a filler file until the file system has no space left; returns its size. */
  public long fill() throws IOException {
    byte[] block = new byte[4096];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        out.flush();
        written += block.length;
      }
    } catch (IOException e) {
      if (e.getMessage() == null || !e.getMessage().contains("No space left")) {
        throw e;
      }
    }
    return written;
  }

  /** Deletes the filler file: the space is back. */
  public void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  /** Unmounts (lazily, so that a file still open elsewhere does not keep it mounted). */
  @Override
  public void close() throws IOException {
    Process p = new ProcessBuilder("umount", "-l", mountPoint.toString()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    try {
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
