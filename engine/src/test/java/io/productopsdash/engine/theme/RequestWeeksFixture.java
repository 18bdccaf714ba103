package io.productopsdash.engine.theme;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wallet app's answers over two weeks for the feature-request tests: each answer's user and
 * comment, written for these tests. Week 1 asks for Lightning (five ways, one in Spanish), dark mode
 * (four ways, one in German), hardware wallets (the family and two devices), price alerts and
 * notifications for payments, and one answer asks for two things; five answers ask for nothing
 * (two bug reports, praise, a complaint, a question). Week 2 brings later asks.
 */
final class RequestWeeksFixture {
  static final WeekId WEEK1 = WeekId.parse("2026-W10");
  static final WeekId WEEK2 = WeekId.parse("2026-W11");
  static final Instant T1 = Instant.parse("2026-03-03T09:00:00Z");
  static final Instant T2 = Instant.parse("2026-03-10T09:00:00Z");

  /** Week 1: user id to comment, in insertion order. */
  static final Map<String, String> WEEK1_ANSWERS = new LinkedHashMap<>();
  /** Week 2: user id to comment. */
  static final Map<String, String> WEEK2_ANSWERS = new LinkedHashMap<>();

  static {
    Map<String, String> w = WEEK1_ANSWERS;
    w.put("u-ln-1", "Please add Lightning support, on-chain fees are too high for coffee.");
    w.put("u-ln-2", "lightning pls");
    w.put("u-ln-3", "No Lightning in 2026?? Really?");
    w.put("u-ln-4", "I would love to receive Lightning payments in this wallet.");
    w.put("u-ln-5", "Por favor, añadan Lightning.");
    w.put("u-dark-1", "dark mode please");
    w.put("u-dark-2", "Please add a dark theme, the white screen is too bright at night.");
    w.put("u-dark-3", "Night mode would be great.");
    w.put("u-dark-4", "Ein dunkles Design wäre toll.");
    w.put("u-hw-1", "hardware wallet support?");
    w.put("u-hw-2", "Please let me connect my Ledger.");
    w.put("u-hw-3", "Ledger Nano X support plz");
    w.put("u-hw-4", "I'd love to sign swaps with my Trezor.");
    w.put("u-hw-5", "Trezor support please");
    w.put("u-alert-1", "Price alerts please.");
    w.put("u-alert-2", "Would be great to set price alerts for ETH.");
    w.put("u-notify-1", "Please send a notification when a payment arrives.");
    w.put("u-notify-2", "notifications for incoming payments pls");
    w.put("u-two", "Add Lightning and a dark mode please.");
    w.put("u-bug-1", "The app crashes when I open the swap screen.");
    w.put("u-bug-2", "My Polygon balance is missing since Monday.");
    w.put("u-praise", "Great wallet, five stars.");
    w.put("u-fees", "Fees are too high this week.");
    w.put("u-how", "How do I export my private key?");
    Map<String, String> v = WEEK2_ANSWERS;
    v.put("u-ln-1", "Still no Lightning support?");
    v.put("u-ln-6", "Please support the Lightning Network.");
    v.put("u2-alert-3", "Price alerts for BTC would be great.");
    v.put("u2-csv-1", "Please add a CSV export of my transactions.");
    v.put("u2-csv-2", "csv export for taxes pls");
    v.put("u2-bug", "Sending failed twice today.");
  }

  /** Stores the fixture's survey and both weeks' answers (scores 1..7 by position). */
  static Survey store(Database db) {
    AnswerRepository answers = new AnswerRepository();
    return db.write(c -> {
      Survey s = ThemeWeeksFixture.insertSurvey(c, T1);
      int i = 0;
      for (Map.Entry<String, String> e : WEEK1_ANSWERS.entrySet()) {
        answers.insert(c, "w1-" + i, s.id(), e.getKey(), WEEK1, 1 + i % 7, e.getValue(), "en", null, T1.plusSeconds(i));
        i++;
      }
      return s;
    });
  }

  /** Stores week 2's answers. */
  static void storeWeek2(Database db, Survey s) {
    AnswerRepository answers = new AnswerRepository();
    db.write(c -> {
      int i = 0;
      for (Map.Entry<String, String> e : WEEK2_ANSWERS.entrySet()) {
        answers.insert(c, "w2-" + i, s.id(), e.getKey(), WEEK2, 1 + i % 7, e.getValue(), "en", null, T2.plusSeconds(i));
        i++;
      }
      return null;
    });
  }

  static List<String> users(Map<String, String> answers, String prefix) {
    return answers.keySet().stream().filter(u -> u.startsWith(prefix)).toList();
  }

  private RequestWeeksFixture() {}
}
