package io.productopsdash.server.http;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Jetty's part of the server's defences, in front of Javalin: the per-address cap and {@code
 * nosniff} ({@link ClientLimits}), bodies read without threads and cut when too slow ({@link
 * SlowBodyGuard}), Jetty's own errors as JSON ({@link JsonErrorHandler}), the header size limit,
 * the idle timeout and how long a stop waits for requests in flight.
 */
public final class HttpHardening {
  /** The header that stops browsers from guessing a response's type. */
  static final String NOSNIFF = "X-Content-Type-Options";

  private HttpHardening() {}

  /** Configures the Jetty server of {@code config} with {@code limits}. */
  public static void apply(JavalinConfig config, TrafficLimits limits) {
    config.jetty.modifyHttpConfiguration(http -> {
      http.setRequestHeaderSize(limits.maxHeaderBytes());
      http.setSendServerVersion(false);
    });
    config.jetty.modifyServer(server -> {
      server.setErrorHandler(new JsonErrorHandler(limits.maxHeaderBytes()));
      server.setStopTimeout(limits.stopTimeout().toMillis());
      // Inserted right under the server, so the cap (inserted last) runs first, then body reading.
      server.insertHandler(new SlowBodyGuard(limits));
      server.insertHandler(new ClientLimits(limits.inFlightPerAddress()));
      server.addEventListener(new LifeCycle.Listener() {
        @Override
        public void lifeCycleStarting(LifeCycle event) {
          // Javalin adds its connector after this configuration runs and before the start.
          for (Connector connector : ((Server) event).getConnectors()) {
            if (connector instanceof AbstractConnector network) {
              network.setIdleTimeout(limits.idleTimeout().toMillis());
            }
          }
        }
      });
    });
  }
}
