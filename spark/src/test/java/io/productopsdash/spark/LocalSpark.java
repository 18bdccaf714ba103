package io.productopsdash.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local Spark for all the tests of this JVM: two cores ({@code local[2]}), no web UI, four
 * shuffle partitions (the default 200 are for clusters), started once and stopped when the JVM
 * exits.
 */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("productopsdash-spark-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.ui.showConsoleProgress", "false")
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.default.parallelism", "2")
              .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "stop-local-spark"));
    }
    return session;
  }
}
