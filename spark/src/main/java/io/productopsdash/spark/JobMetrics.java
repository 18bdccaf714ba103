package io.productopsdash.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * What the job's tasks cost, summed over every task as Spark's listener reports them: executor
 * CPU and run time, bytes read from the inputs, shuffle bytes written, bytes spilled to disk and
 * the largest peak execution memory of one task. Written into {@code summary.json}, for sizing a
 * cluster from measured per-event costs (docs/benchmarks.md).
 */
final class JobMetrics extends SparkListener {
  private final AtomicLong tasks = new AtomicLong();
  private final AtomicLong cpuNanos = new AtomicLong();
  private final AtomicLong runMillis = new AtomicLong();
  private final AtomicLong inputBytes = new AtomicLong();
  private final AtomicLong shuffleWriteBytes = new AtomicLong();
  private final AtomicLong spilledBytes = new AtomicLong();
  private final AtomicLong peakTaskMemory = new AtomicLong();
  private volatile long lastEventNanos = System.nanoTime();

  /** The totals as written into the summary. */
  record Totals(
      long tasks, double executorCpuSeconds, double executorRunSeconds, long inputBytes, long shuffleWriteBytes, long spilledBytes,
      long peakTaskMemoryBytes) {}

  static JobMetrics listenTo(SparkSession spark) {
    JobMetrics m = new JobMetrics();
    spark.sparkContext().addSparkListener(m);
    return m;
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    lastEventNanos = System.nanoTime();
    TaskMetrics t = end.taskMetrics();
    if (t == null) {
      return;
    }
    tasks.incrementAndGet();
    cpuNanos.addAndGet(t.executorCpuTime());
    runMillis.addAndGet(t.executorRunTime());
    inputBytes.addAndGet(t.inputMetrics().bytesRead());
    shuffleWriteBytes.addAndGet(t.shuffleWriteMetrics().bytesWritten());
    spilledBytes.addAndGet(t.diskBytesSpilled());
    peakTaskMemory.accumulateAndGet(t.peakExecutionMemory(), Math::max);
  }

  /**
   * Stops listening and returns the totals, after the listener bus has been quiet for 200 ms (it
   * delivers task ends shortly after the action that ran them returns; at most 3 s are waited).
   */
  Totals finish(SparkSession spark) {
    long deadline = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() - lastEventNanos < 200_000_000L && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    spark.sparkContext().removeSparkListener(this);
    return new Totals(
        tasks.get(), cpuNanos.get() / 1e9, runMillis.get() / 1e3, inputBytes.get(), shuffleWriteBytes.get(), spilledBytes.get(),
        peakTaskMemory.get());
  }
}
