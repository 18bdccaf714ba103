package io.productopsdash.engine.rollup;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.productopsdash.data.Database;
import io.productopsdash.data.events.EventStore;
import io.productopsdash.definitions.events.SegmentNormalizer;
import io.productopsdash.models.Event;
import io.productopsdash.models.MetricsConfig;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made event log of twelve users, as Segment calls, with the example wallet app's
 * configuration in Europe/Berlin (UTC+1 in February: a local date is the UTC time plus one hour).
 * ISO weeks in Berlin: 2026-W06 is Mon 2 Feb 00:00 (= 1 Feb 23:00Z) to Mon 9 Feb 00:00 (= 8 Feb
 * 23:00Z); 2026-W07 the week after. The stories, and what each one tests:
 *
 * <ul>
 *   <li>alice: two pages as anon-a, identify (plan pro), signup (source property "ads" beats
 *       campaign "facebook"), "Wallet Opened" sent twice with one messageId, deposit 35 min after
 *       signup. Anonymous-then-identified; duplicate stored once.
 *   <li>bob: signup (campaign "newsletter" beats utm_source "bing"), a page exactly 30 min later
 *       (new session), deposit next local day. Plan free.
 *   <li>carol: signup (utm_source "google"; plan pro only in context.traits), a page 29:59 later
 *       (same session), a swap, a support ticket, deposit after 1 h.
 *   <li>dave: no signup; "Swap Executed" every 20 min for 25 h (76 events): the 24-hour cap.
 *   <li>erin: signup (ads, plan free), a support ticket, then silence from 6 Feb: a silent give-up.
 *   <li>frank: signup (ads, no plan), a ticket in the window, one after it, deposit 32 days after
 *       signup: converted after the window, still in progress.
 *   <li>mallory: PostHog-style, the pre-identify distinct id "ph-d1" stored as userId, linked by
 *       alias; deposit 15 min after signup; plan pro.
 *   <li>anon-z: never identified; a session from Sunday 23:50 to Monday 00:10 local (counts whole in
 *       W06).
 *   <li>judy: signup Sunday 23:30Z = Monday 00:30 local, so in W07 (W06 in UTC); deposit 40 min
 *       later.
 *   <li>grace: signup (ads; plan free only in the signup event's traits), last seen 1 March: still
 *       in progress.
 *   <li>heidi: signup (newsletter; plan pro by identify beats free in the signup's traits), two
 *       tickets, deposit 47 h later, 4 sessions, 2 local days.
 *   <li>ivan: signup (ads, no plan), a page and two swaps, deposit 10 min later.
 *   <li>nina: no signup; a screen "Chain List", page /chains, "Chain Added", page /.
 * </ul>
 *
 * Public for the Spark module's tests, which run the Spark job over the same calls and compare.
 */
public final class RollupFixture {
  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  public static final MetricsConfig CONFIG = MetricsConfig.walletExample(ZONE);
  public static final Instant AS_OF = Instant.parse("2026-03-20T12:00:00Z");

  private RollupFixture() {}

  /** The calls as Segment JSON (single quotes stand for double quotes). */
  public static List<String> calls() {
    List<String> c = new ArrayList<>();
    // alice
    c.add("{'type':'page','messageId':'a1','anonymousId':'anon-a','name':'Home','properties':{'path':'/'},'timestamp':'2026-02-02T09:00:00Z'}");
    c.add("{'type':'page','messageId':'a2','anonymousId':'anon-a','properties':{'path':'/wallet'},'timestamp':'2026-02-02T09:05:00Z'}");
    c.add("{'type':'identify','messageId':'a3','userId':'alice','anonymousId':'anon-a','traits':{'plan':'pro'},'timestamp':'2026-02-02T09:09:00Z'}");
    c.add("{'type':'track','messageId':'a4','userId':'alice','anonymousId':'anon-a','event':'Signed Up','properties':{'source':'ads'},"
        + "'context':{'campaign':{'source':'facebook'}},'timestamp':'2026-02-02T09:10:00Z'}");
    c.add("{'type':'track','messageId':'a5','userId':'alice','event':'Wallet Opened','timestamp':'2026-02-02T09:20:00Z'}");
    c.add("{'type':'track','messageId':'a5','userId':'alice','event':'Wallet Opened','timestamp':'2026-02-02T09:20:00Z'}");
    c.add("{'type':'track','messageId':'a6','userId':'alice','event':'Deposit Completed','properties':{'amount':50},'timestamp':'2026-02-02T09:45:00Z'}");
    // bob
    c.add("{'type':'identify','messageId':'b0','userId':'bob','traits':{'plan':'free'},'timestamp':'2026-02-03T09:59:00Z'}");
    c.add("{'type':'track','messageId':'b1','userId':'bob','event':'Signed Up','properties':{'utm_source':'bing'},"
        + "'context':{'campaign':{'source':'newsletter'}},'timestamp':'2026-02-03T10:00:00Z'}");
    c.add("{'type':'page','messageId':'b2','userId':'bob','properties':{'path':'/wallet'},'timestamp':'2026-02-03T10:30:00Z'}");
    c.add("{'type':'track','messageId':'b3','userId':'bob','event':'Deposit Completed','timestamp':'2026-02-04T08:00:00Z'}");
    // carol
    c.add("{'type':'track','messageId':'c1','userId':'carol','event':'Signed Up','properties':{'utm_source':'google'},"
        + "'context':{'traits':{'plan':'pro'}},'timestamp':'2026-02-04T12:00:00Z'}");
    c.add("{'type':'page','messageId':'c2','userId':'carol','properties':{'path':'/swap'},'timestamp':'2026-02-04T12:29:59Z'}");
    c.add("{'type':'track','messageId':'c3','userId':'carol','event':'Swap Executed','timestamp':'2026-02-04T12:40:00Z'}");
    c.add("{'type':'track','messageId':'c4','userId':'carol','event':'Support Ticket Created','timestamp':'2026-02-04T12:45:00Z'}");
    c.add("{'type':'track','messageId':'c5','userId':'carol','event':'Deposit Completed','timestamp':'2026-02-04T13:00:00Z'}");
    // dave: 76 swaps, 3 Feb 00:00Z to 4 Feb 01:00Z every 20 minutes.
    Instant daveStart = Instant.parse("2026-02-03T00:00:00Z");
    for (int i = 0; i < 76; i++) {
      c.add("{'type':'track','messageId':'d" + i + "','userId':'dave','event':'Swap Executed','timestamp':'"
          + daveStart.plusSeconds(i * 1200L) + "'}");
    }
    // erin
    c.add("{'type':'identify','messageId':'e0','userId':'erin','traits':{'plan':'free'},'timestamp':'2026-02-05T07:59:00Z'}");
    c.add("{'type':'track','messageId':'e1','userId':'erin','event':'Signed Up','properties':{'source':'ads'},'timestamp':'2026-02-05T08:00:00Z'}");
    c.add("{'type':'track','messageId':'e2','userId':'erin','event':'Support Ticket Created','timestamp':'2026-02-05T08:10:00Z'}");
    c.add("{'type':'page','messageId':'e3','userId':'erin','properties':{'path':'/chains'},'timestamp':'2026-02-05T08:20:00Z'}");
    c.add("{'type':'track','messageId':'e4','userId':'erin','event':'Chain Added','timestamp':'2026-02-06T20:00:00Z'}");
    // frank
    c.add("{'type':'track','messageId':'f1','userId':'frank','event':'Signed Up','properties':{'source':'ads'},'timestamp':'2026-02-06T10:00:00Z'}");
    c.add("{'type':'track','messageId':'f2','userId':'frank','event':'Support Ticket Created','timestamp':'2026-02-06T10:05:00Z'}");
    c.add("{'type':'track','messageId':'f3','userId':'frank','event':'Support Ticket Created','timestamp':'2026-03-09T10:00:00Z'}");
    c.add("{'type':'track','messageId':'f4','userId':'frank','event':'Deposit Completed','timestamp':'2026-03-10T10:00:00Z'}");
    // mallory (PostHog-style distinct id as userId before identification)
    c.add("{'type':'page','messageId':'m1','userId':'ph-d1','properties':{'path':'/'},'timestamp':'2026-02-07T18:00:00Z'}");
    c.add("{'type':'track','messageId':'m2','userId':'ph-d1','event':'Signed Up','properties':{'source':'newsletter'},'timestamp':'2026-02-07T18:05:00Z'}");
    c.add("{'type':'alias','messageId':'m3','userId':'mallory','previousId':'ph-d1','timestamp':'2026-02-07T18:06:00Z'}");
    c.add("{'type':'identify','messageId':'m5','userId':'mallory','traits':{'plan':'pro'},'timestamp':'2026-02-07T18:07:00Z'}");
    c.add("{'type':'track','messageId':'m4','userId':'mallory','event':'Deposit Completed','timestamp':'2026-02-07T18:20:00Z'}");
    // anon-z
    c.add("{'type':'page','messageId':'z1','anonymousId':'anon-z','properties':{'path':'/swap'},'timestamp':'2026-02-08T22:50:00Z'}");
    c.add("{'type':'page','messageId':'z2','anonymousId':'anon-z','properties':{'path':'/'},'timestamp':'2026-02-08T23:10:00Z'}");
    // judy
    c.add("{'type':'identify','messageId':'j0','userId':'judy','traits':{'plan':'free'},'timestamp':'2026-02-08T23:29:00Z'}");
    c.add("{'type':'track','messageId':'j1','userId':'judy','event':'Signed Up','properties':{'source':'google'},'timestamp':'2026-02-08T23:30:00Z'}");
    c.add("{'type':'track','messageId':'j2','userId':'judy','event':'Deposit Completed','timestamp':'2026-02-09T00:10:00Z'}");
    // grace
    c.add("{'type':'track','messageId':'g1','userId':'grace','event':'Signed Up','properties':{'source':'ads'},'traits':{'plan':'free'},"
        + "'timestamp':'2026-02-10T09:00:00Z'}");
    c.add("{'type':'page','messageId':'g2','userId':'grace','properties':{'path':'/wallet'},'timestamp':'2026-02-10T09:10:00Z'}");
    c.add("{'type':'page','messageId':'g3','userId':'grace','properties':{'path':'/wallet'},'timestamp':'2026-03-01T12:00:00Z'}");
    // heidi
    c.add("{'type':'identify','messageId':'h0','userId':'heidi','traits':{'plan':'pro'},'timestamp':'2026-02-11T08:59:00Z'}");
    c.add("{'type':'track','messageId':'h1','userId':'heidi','event':'Signed Up','properties':{'source':'newsletter'},'traits':{'plan':'free'},"
        + "'timestamp':'2026-02-11T09:00:00Z'}");
    c.add("{'type':'track','messageId':'h2','userId':'heidi','event':'Support Ticket Created','timestamp':'2026-02-11T10:00:00Z'}");
    c.add("{'type':'track','messageId':'h3','userId':'heidi','event':'Support Ticket Created','timestamp':'2026-02-12T09:00:00Z'}");
    c.add("{'type':'page','messageId':'h4','userId':'heidi','properties':{'path':'/wallet'},'timestamp':'2026-02-12T09:10:00Z'}");
    c.add("{'type':'track','messageId':'h5','userId':'heidi','event':'Deposit Completed','timestamp':'2026-02-13T08:00:00Z'}");
    // ivan
    c.add("{'type':'track','messageId':'i1','userId':'ivan','event':'Signed Up','properties':{'source':'ads'},'timestamp':'2026-02-12T15:00:00Z'}");
    c.add("{'type':'page','messageId':'i2','userId':'ivan','properties':{'path':'/swap'},'timestamp':'2026-02-12T15:05:00Z'}");
    c.add("{'type':'track','messageId':'i3','userId':'ivan','event':'Swap Executed','timestamp':'2026-02-12T15:06:00Z'}");
    c.add("{'type':'track','messageId':'i4','userId':'ivan','event':'Swap Executed','timestamp':'2026-02-12T15:07:00Z'}");
    c.add("{'type':'track','messageId':'i5','userId':'ivan','event':'Deposit Completed','timestamp':'2026-02-12T15:10:00Z'}");
    // nina
    c.add("{'type':'screen','messageId':'n1','userId':'nina','name':'Chain List','timestamp':'2026-02-14T10:00:00Z'}");
    c.add("{'type':'page','messageId':'n2','userId':'nina','properties':{'path':'/chains'},'timestamp':'2026-02-14T10:05:00Z'}");
    c.add("{'type':'track','messageId':'n3','userId':'nina','event':'Chain Added','timestamp':'2026-02-14T10:06:00Z'}");
    c.add("{'type':'page','messageId':'n4','userId':'nina','properties':{'path':'/'},'timestamp':'2026-02-14T10:10:00Z'}");
    return c;
  }

  /**
   * Survey answers to the fixture's users, as {@link SatisfactionByUsageIT} tabulates them: user,
   * ISO week of 2026, score on a 7-point CSAT scale (the last one outside W06-W08).
   */
  public static Object[][] answerRows() {
    return new Object[][] {
      {"alice", "W06", 7}, {"anon-a", "W07", 6}, {"bob", "W06", 5}, {"carol", "W06", 6}, {"dave", "W06", 2},
      {"erin", "W07", 1}, {"frank", "W07", 3}, {"mallory", "W07", 7}, {"anon-z", "W07", 4}, {"judy", "W08", 5},
      {"grace", "W06", 1}, {"grace", "W08", 6}, {"heidi", "W07", 7}, {"ivan", "W07", 5}, {"nina", "W06", 3},
      {"zoe", "W07", 4}, {"bob", "W09", 1},
    };
  }

  /** Normalises the calls and stores them, shuffled by a fixed rule so rowid order is not time order. */
  static EventStore.StoreResult store(Database db) {
    List<Event> events = new ArrayList<>();
    Instant received = Instant.parse("2026-03-20T00:00:00Z");
    List<String> calls = calls();
    // Every third call goes first: users' events are not stored in time order.
    for (int phase = 0; phase < 3; phase++) {
      for (int i = phase; i < calls.size(); i += 3) {
        JsonObject o = JsonParser.parseString(calls.get(i).replace('\'', '"')).getAsJsonObject();
        events.add(SegmentNormalizer.normalize(o, null, received, false));
      }
    }
    return db.write(c -> new EventStore().insertAll(c, events));
  }
}
