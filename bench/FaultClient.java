import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load of {@code bench/faults.sh}, as a single-file program (JDK only):
 *
 * <pre>
 * java bench/FaultClient.java answers BASE SURVEY SECONDS THREADS RUN ACKED REFUSED
 * java bench/FaultClient.java segment BASE WRITE_KEY SECONDS THREADS RUN ACKED REFUSED
 * java bench/FaultClient.java slow BASE SURVEY CLIENTS
 * </pre>
 *
 * {@code answers} posts unique widget answers ({@code RUN-thread-n}), {@code segment} posts Segment
 * batches of 10 events with unique messageIds, each for SECONDS on THREADS connections; the ids the
 * server acknowledged (201, or 200 for a batch) go to ACKED, those it refused with an answer of its
 * own (any other status) to REFUSED; a request that got no answer (the server was killed) is
 * neither. The first acknowledgement is announced on standard output at once. {@code slow} opens CLIENTS connections from loopback addresses of their own that send an
 * answer's headers and then its body a byte every 200 ms, times normal answers meanwhile and prints
 * one line of counts.
 */
public final class FaultClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  public static void main(String[] args) throws Exception {
    switch (args.length > 0 ? args[0] : "") {
      case "answers", "segment" -> load(args);
      case "slow" -> slow(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]));
      default -> {
        System.err.println("usage: see the class comment of bench/FaultClient.java");
        System.exit(2);
      }
    }
  }

  private static void load(String[] args) throws Exception {
    boolean segment = args[0].equals("segment");
    String base = args[1];
    String target = args[2];
    long end = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
    int threads = Integer.parseInt(args[4]);
    String run = args[5];
    ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    AtomicLong unanswered = new AtomicLong();
    java.util.concurrent.atomic.AtomicBoolean firstAck = new java.util.concurrent.atomic.AtomicBoolean();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int tid = t;
      Thread w = new Thread(() -> {
        int failedInARow = 0;
        // Ends at the time limit, or once the server has been gone for about a second.
        for (int n = 0; System.nanoTime() < end && failedInARow < 20; n++) {
          List<String> ids = new ArrayList<>();
          HttpRequest request = segment ? segmentBatch(base, target, run, tid, n, ids) : answer(base, target, run, tid, n, ids);
          try {
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            failedInARow = 0;
            boolean ok = status == 201 || status == 200;
            (ok ? acked : refused).addAll(ids);
            if (ok && firstAck.compareAndSet(false, true)) {
              System.out.println("first acknowledgement");
              System.out.flush();
            }
          } catch (IOException e) {
            unanswered.incrementAndGet();
            failedInARow++;
            sleep(50); // the server is down; do not spin
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) {
      w.join();
    }
    Files.write(Path.of(args[6]), acked);
    Files.write(Path.of(args[7]), refused);
    System.out.println("sent: acknowledged=" + acked.size() + " refused=" + refused.size() + " unanswered_requests=" + unanswered.get());
  }

  private static HttpRequest answer(String base, String survey, String run, int tid, int n, List<String> ids) {
    String id = run + "-" + tid + "-" + n;
    ids.add(id);
    String body = "{\"responseId\":\"" + id + "\",\"userId\":\"" + id + "\",\"score\":" + (1 + n % 7)
        + ",\"comment\":\"Swaps are slow on mobile, please add more chains\"}";
    return HttpRequest.newBuilder(URI.create(base + "/api/v1/surveys/" + survey + "/answers"))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static HttpRequest segmentBatch(String base, String writeKey, String run, int tid, int n, List<String> ids) {
    StringBuilder batch = new StringBuilder("{\"batch\":[");
    for (int e = 0; e < 10; e++) {
      String id = run + "-" + tid + "-" + n + "-" + e;
      ids.add(id);
      batch.append(e == 0 ? "" : ",").append("{\"type\":\"track\",\"event\":\"Swap Completed\",\"userId\":\"u")
          .append(tid).append("\",\"messageId\":\"").append(id).append("\",\"timestamp\":\"2026-03-02T10:00:00Z\"}");
    }
    String auth = Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(base + "/v1/batch")).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").header("Authorization", "Basic " + auth)
        .POST(HttpRequest.BodyPublishers.ofString(batch.append("]}").toString())).build();
  }

  private static void slow(String base, long survey, int clients) throws Exception {
    URI uri = URI.create(base);
    List<Socket> sockets = new ArrayList<>();
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      byte[] body = ("{\"responseId\":\"slow-" + i + "-" + System.nanoTime() + "\",\"userId\":\"s" + i + "\",\"score\":3}")
          .getBytes(StandardCharsets.UTF_8);
      Socket s = new Socket();
      s.bind(new InetSocketAddress("127.0." + (1 + i / 250) + "." + (1 + i % 250), 0));
      s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
      s.getOutputStream().write(("POST /api/v1/surveys/" + survey + "/answers HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      sockets.add(s);
      bodies.add(body);
    }
    AtomicInteger cut = new AtomicInteger();
    Thread trickle = new Thread(() -> {
      for (int k = 0; k < 60; k++) {
        for (int i = 0; i < sockets.size(); i++) {
          try {
            OutputStream out = sockets.get(i).getOutputStream();
            out.write(bodies.get(i)[Math.min(k, bodies.get(i).length - 2)]);
            out.flush();
          } catch (IOException closed) {
            // cut by the server
          }
        }
        sleep(200);
      }
    });
    trickle.setDaemon(true);
    trickle.start();
    sleep(500);
    int normal = 10;
    int ok = 0;
    long slowest = 0;
    for (int n = 0; n < normal; n++) {
      List<String> ids = new ArrayList<>();
      long started = System.nanoTime();
      int status;
      try {
        status = HTTP.send(answer(base, Long.toString(survey), "normal-" + System.nanoTime(), 0, n, ids),
            HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        status = -1;
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      slowest = Math.max(slowest, millis);
      if (status == 201 && millis < 1_000) {
        ok++;
      }
      sleep(300);
    }
    for (Socket s : sockets) {
      s.setSoTimeout(20_000);
      try {
        byte[] head = s.getInputStream().readNBytes(12);
        if (new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 408")) {
          cut.incrementAndGet();
        }
      } catch (IOException e) {
        // no reply
      }
      s.close();
    }
    System.out.println("RESULT slow-clients clients=" + clients + " normal_answers=" + normal + " normal_201_within_1s=" + ok
        + " slowest_normal_ms=" + slowest + " slow_cut_with_408=" + cut.get());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private FaultClient() {}
}
