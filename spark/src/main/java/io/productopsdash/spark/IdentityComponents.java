package io.productopsdash.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which ids are connected by identity links (candidate links: an event's two ids, an alias's
 * two ids), as connected components of the undirected graph: each id gets the smallest id of its
 * component as its label, by propagating labels along the edges until none changes (one round
 * per step of the longest path; two or three for the usual user with a few anonymous ids).
 */
final class IdentityComponents {
  /** Rounds at most: ids linked in longer chains than this are refused, not silently split. */
  static final int MAX_ROUNDS = 64;

  private IdentityComponents() {}

  /** (id, label) for every id in the edges (a, u). */
  static Dataset<Row> labels(Dataset<Row> edges) {
    Dataset<Row> both =
        edges.select(col("a").as("src"), col("u").as("dst"))
            .unionByName(edges.select(col("u").as("src"), col("a").as("dst")))
            .distinct()
            .localCheckpoint();
    Dataset<Row> labels = both.select(col("src").as("id")).distinct().withColumn("label", col("id")).localCheckpoint();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Dataset<Row> next =
          both.join(labels, both.col("src").equalTo(labels.col("id")))
              .select(col("dst").as("id"), col("label"))
              .unionByName(labels)
              .groupBy("id")
              .agg(min("label").as("label"))
              .localCheckpoint();
      Dataset<Row> before = labels.select(col("id").as("before_id"), col("label").as("before"));
      long changed = next.join(before, next.col("id").equalTo(before.col("before_id"))).filter(col("label").notEqual(col("before"))).count();
      labels = next;
      if (changed == 0) {
        return labels;
      }
    }
    throw new IllegalStateException("identity links chained over more than " + MAX_ROUNDS + " steps");
  }
}
