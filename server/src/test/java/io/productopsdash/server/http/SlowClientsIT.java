package io.productopsdash.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send the headers of an answer and then trickle its body a byte at a time (issue
 * 16, item 2: 250 of them used to block everyone). Each client has a loopback address of its own
 * (all of 127.0.0.0/8 is loopback), so the per-address cap does not save the day and the bodies
 * must be read without holding threads; a normal answer from 127.0.0.1 still gets its 201 within
 * a second. From one address, the cap answers 429 beyond {@link TrafficLimits#inFlightPerAddress()}.
 */
class SlowClientsIT {
  private static final int SLOW_CLIENTS = 300;

  @TempDir Path dataDir;
  private ApiTestServer server;
  private int port;
  private long surveyId;

  @BeforeEach
  void start() {
    server = ApiTestServer.start(dataDir);
    port = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
    surveyId = server.createSurvey(1.0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static byte[] answerBody(String responseId) {
    return ("{\"responseId\":\"" + responseId + "\",\"userId\":\"" + responseId + "\",\"score\":5,"
        + "\"comment\":\"sent very slowly\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** Opens one client from {@code address} that sent the headers of an answer and no body yet. */
  private RawHttp openSlow(String address, byte[] body) throws IOException {
    RawHttp http = RawHttp.connect(address, port);
    http.send(RawHttp.postHead("/api/v1/surveys/" + surveyId + "/answers", body.length));
    return http;
  }

  /** Sends one more byte of each client's body every 200 ms until stopped. */
  private static Thread trickle(List<RawHttp> clients, List<byte[]> bodies, AtomicBoolean stop) {
    Thread t = new Thread(() -> {
      for (int k = 0; !stop.get(); k++) {
        for (int i = 0; i < clients.size(); i++) {
          if (k < bodies.get(i).length - 1) {
            try {
              clients.get(i).send(new byte[] {bodies.get(i)[k]});
            } catch (IOException closedByTheServer) {
              // expected once its body was cut
            }
          }
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "trickle");
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void threeHundredTricklingClientsDoNotDelayANormalAnswer() throws Exception {
    List<RawHttp> slow = new ArrayList<>();
    List<byte[]> bodies = new ArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    try {
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        byte[] body = answerBody("slow-" + i);
        bodies.add(body);
        slow.add(openSlow("127.0." + (1 + i / 250) + "." + (1 + i % 250), body));
      }
      Thread trickler = trickle(slow, bodies, stop);
      Thread.sleep(500);

      // While all 300 trickle (the cut comes after 5 s), normal answers go through at once.
      for (int n = 0; n < 5; n++) {
        long started = System.nanoTime();
        Reply r = server.answer(surveyId, "{\"responseId\":\"normal-" + n + "\",\"userId\":\"n" + n + "\",\"score\":6}");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        assertThat(millis).as("normal answer %d took %d ms", n, millis).isLessThan(1_000);
        Thread.sleep(300);
      }

      // Every trickling body is cut with a JSON 408 that closes its connection; none is stored.
      Map<Integer, Integer> statuses = new HashMap<>();
      for (RawHttp client : slow) {
        RawHttp.Reply r = client.read(20_000);
        statuses.merge(r.status(), 1, Integer::sum);
        if (r.status() == 408) {
          assertThat(r.header("Connection")).isEqualToIgnoringCase("close");
          assertThat(JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("details").get("body").getAsString())
              .contains("bytes a second");
        }
      }
      stop.set(true);
      trickler.join(5_000);
      assertThat(statuses).isEqualTo(Map.of(408, SLOW_CLIENTS));
      assertThat(server.count("SELECT COUNT(*) FROM answers WHERE response_id LIKE 'slow-%'")).isZero();
      assertThat(server.count("SELECT COUNT(*) FROM answers WHERE response_id LIKE 'normal-%'")).isEqualTo(5);
    } finally {
      stop.set(true);
      for (RawHttp client : slow) {
        client.close();
      }
    }
  }

  @Test
  void oneAddressGetsAtMostItsCapInFlightOnEveryPublicRoute() throws Exception {
    int cap = TrafficLimits.DEFAULTS.inFlightPerAddress();
    String address = "127.0.0.9";
    List<RawHttp> held = new ArrayList<>();
    try {
      for (int i = 0; i < cap; i++) {
        held.add(openSlow(address, answerBody("held-" + i)));
      }
      Thread.sleep(300);
      for (RawHttp client : held) {
        assertThat(client.hasReplyOrEnd()).as("held requests are still being read").isFalse();
      }
      // Beyond the cap: the widget's routes, server and browser ingestion routes and the script, each a 429 at once.
      String[] beyond = {
        RawHttp.postHead("/api/v1/surveys/" + surveyId + "/answers", 10) + "{\"score\":",
        "GET /api/v1/surveys/" + surveyId + "/eligibility?userId=u HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "POST /v1/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
        "POST /capture/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
        "POST /e/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
        "POST /v1/t HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}",
        "GET /flags/?v=2 HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "GET /widget.js HTTP/1.1\r\nHost: localhost\r\n\r\n",
      };
      for (String request : beyond) {
        try (RawHttp extra = RawHttp.connect(address, port)) {
          extra.send(request);
          RawHttp.Reply r = extra.read(5_000);
          assertThat(r.status()).as("%s -> %s", request.lines().findFirst().orElseThrow(), r).isEqualTo(429);
          assertThat(r.header("Retry-After")).isEqualTo("1");
          assertThat(JsonParser.parseString(r.body()).getAsJsonObject().get("status").getAsInt()).isEqualTo(429);
        }
      }
      // Another address is not affected, and the admin API is not capped.
      assertThat(server.answer(surveyId, "{\"responseId\":\"other\",\"userId\":\"o\",\"score\":4}").status()).isEqualTo(201);
      try (RawHttp admin = RawHttp.connect(address, port)) {
        admin.send("GET /api/v1/surveys HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ApiTestServer.TOKEN + "\r\n\r\n");
        assertThat(admin.read(5_000).status()).isEqualTo(200);
      }
      // Once the held bodies are complete, the address is under its cap again.
      for (int i = 0; i < held.size(); i++) {
        held.get(i).send(answerBody("held-" + i));
        assertThat(held.get(i).read(5_000).status()).isEqualTo(201);
      }
      try (RawHttp again = RawHttp.connect(address, port)) {
        byte[] body = answerBody("after");
        again.send(RawHttp.postHead("/api/v1/surveys/" + surveyId + "/answers", body.length));
        again.send(body);
        assertThat(again.read(5_000).status()).isEqualTo(201);
      }
    } finally {
      for (RawHttp client : held) {
        client.close();
      }
    }
  }
}
