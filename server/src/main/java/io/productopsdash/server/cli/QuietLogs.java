package io.productopsdash.server.cli;

/**
 * Keeps library log lines off the terminal: without {@code --verbose} only errors of libraries
 * (DJL's "Failed to detect GPU count" on CPU-only machines, Jetty, CoreNLP) and of the schema
 * migrations' routine "Applied schema migration" lines reach stderr, so progress bars and command
 * output stay readable; ProductOpsDash's own warnings and notices still show. With {@code
 * --verbose} everything at info and above shows. Must run before the first logger is made: it sets
 * slf4j-simple's system properties, which win over {@code simplelogger.properties}.
 */
final class QuietLogs {
  private QuietLogs() {}

  static void configure(boolean verbose) {
    if (verbose) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
      return;
    }
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    System.setProperty("org.slf4j.simpleLogger.log.io.productopsdash.data.Migrations", "warn");
  }
}
