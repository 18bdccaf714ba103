package io.productopsdash.server;

import com.google.gson.JsonParser;
import io.productopsdash.data.Database;
import io.productopsdash.data.events.EventStore;
import io.productopsdash.data.events.MetricsConfigRepository;
import io.productopsdash.definitions.events.SegmentNormalizer;
import io.productopsdash.models.Event;
import io.productopsdash.models.MetricsConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Three users' events around ISO weeks 2026-W46/W47 in Europe/Berlin (UTC+1 in November), stored
 * into a data folder before the server or the command line opens it. The exact definitions are
 * tested in the engine; these tests check the numbers arrive intact.
 *
 * <ul>
 *   <li>u1: signup Mon 16 Nov 09:00Z (source property "ads"), page /swap 09:10, deposit 09:40 (a
 *       30-minute gap: two sessions; converted after 40 min);
 *   <li>u2: identify (plan pro), signup Tue 17 Nov 12:00Z (campaign "newsletter"), no deposit;
 *   <li>u3: page /wallet Tue 10 Nov 08:00Z (week 46), no signup.
 * </ul>
 */
public final class MetricsFixture {
  private MetricsFixture() {}

  static final String[] CALLS = {
    "{'type':'track','messageId':'u1-1','userId':'u1','event':'Signed Up','properties':{'source':'ads'},'timestamp':'2026-11-16T09:00:00Z'}",
    "{'type':'page','messageId':'u1-2','userId':'u1','properties':{'path':'/swap'},'timestamp':'2026-11-16T09:10:00Z'}",
    "{'type':'track','messageId':'u1-3','userId':'u1','event':'Deposit Completed','timestamp':'2026-11-16T09:40:00Z'}",
    "{'type':'identify','messageId':'u2-0','userId':'u2','traits':{'plan':'pro'},'timestamp':'2026-11-17T11:59:00Z'}",
    "{'type':'track','messageId':'u2-1','userId':'u2','event':'Signed Up','context':{'campaign':{'source':'newsletter'}},"
        + "'timestamp':'2026-11-17T12:00:00Z'}",
    "{'type':'page','messageId':'u3-1','userId':'u3','properties':{'path':'/wallet'},'timestamp':'2026-11-10T08:00:00Z'}",
  };

  /**
   * Stores the events in {@code dataDir} (creating the database), and what they mean (the example
   * wallet app's configuration, as its team would save it), then closes it again.
   */
  public static void store(Path dataDir) {
    List<Event> events = new ArrayList<>();
    for (String call : CALLS) {
      events.add(SegmentNormalizer.normalize(
          JsonParser.parseString(call.replace('\'', '"')).getAsJsonObject(), null, Instant.parse("2026-11-18T00:00:00Z"),
          false));
    }
    try (Database db = Database.open(dataDir)) {
      db.write(c -> {
        new MetricsConfigRepository().save(c, MetricsConfig.walletExample(java.time.ZoneId.of("Europe/Berlin")));
        return new EventStore().insertAll(c, events);
      });
    }
  }
}
