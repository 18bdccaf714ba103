package io.productopsdash.engine.search;

import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.WeekId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Thirty hand-written, redacted answers about a crypto wallet app, with hand-assigned themes,
 * scores, weeks and sentiments, and synthetic embeddings: one 8-dimension block per topic plus
 * small seeded noise, so answers of one topic (paraphrases included) are nearest each other.
 */
final class WalletAnswers {
  static final long SURVEY = 7;
  static final Scale SCALE = new Scale(ScoreKind.CSAT, 7, null, null, 2);
  static final WeekId W40 = new WeekId(2026, 40);
  static final WeekId W41 = new WeekId(2026, 41);
  static final WeekId W42 = new WeekId(2026, 42);
  static final WeekId W43 = new WeekId(2026, 43);

  private WalletAnswers() {}

  private record Row(int id, WeekId week, int score, String theme, String sentiment, boolean fr,
      String segment, String comment) {}

  private static final List<Row> ROWS = List.of(
      new Row(1, W40, 2, "fees", "negative", false, "free", "The fees are way too high for small transfers."),
      new Row(2, W40, 3, "fees", "negative", false, "pro", "Network fee was higher than the quote shown."),
      new Row(3, W41, 1, "fees", "negative", false, null, "I stopped using the app because of hidden fees."),
      new Row(4, W41, 4, "fees", "neutral", false, "pro", "Swap fee is fine but withdrawal costs hurt."),
      new Row(5, W42, 3, "fees", "negative", false, "free", "Charges on every transaction add up quickly."),
      new Row(6, W42, 2, "fees", "negative", true, "free", "Please lower the fees, competitors are cheaper."),
      new Row(7, W43, 6, "fees", "positive", false, null, "Fair pricing, no complaints about cost."),
      new Row(8, W40, 2, "speed", "negative", false, "pro", "Swaps are slow and sometimes time out."),
      new Row(9, W41, 3, "speed", "negative", false, "free", "Swapping tokens takes forever to confirm."),
      new Row(10, W41, 3, "speed", "negative", false, null, "The swap was slow during peak hours."),
      new Row(11, W42, 6, "speed", "positive", false, "pro", "Swap worked quickly this time, nice."),
      new Row(12, W42, 4, "speed", "neutral", false, "free", "Exchange between coins is sluggish."),
      new Row(13, W43, 4, "speed", "neutral", false, null, "Slow app startup on my old phone."),
      new Row(14, W43, 2, "speed", "negative", false, "pro", "Swap slippage is too high, slow price updates."),
      new Row(15, W40, 1, "login", "negative", false, "free", "Cannot log in after the update."),
      new Row(16, W40, 2, "login", "negative", false, "pro", "Login keeps failing with an error code."),
      new Row(17, W41, 3, "login", "negative", false, null, "Face unlock stopped working, have to type my password every time."),
      new Row(18, W42, 2, "login", "negative", false, "free", "Two-factor codes arrive late so sign in times out."),
      new Row(19, W42, 7, "login", "positive", false, "pro", "Login is smooth now, thanks."),
      new Row(20, W43, 1, "login", "negative", false, "free", "I was locked out of my account for a day."),
      new Row(21, W43, 3, "login", "negative", false, null, "Password reset email never came."),
      new Row(22, W40, 5, "darkmode", "neutral", true, "free", "Please add a dark mode."),
      new Row(23, W41, 5, "darkmode", "neutral", true, "pro", "Dark mode would be great for night use."),
      new Row(24, W42, 4, "darkmode", "neutral", true, null, "The white screen hurts my eyes at night, need a darker theme."),
      new Row(25, W42, 6, "darkmode", "positive", true, "free", "Would love a dark theme option."),
      new Row(26, W43, 5, "darkmode", "neutral", true, "pro", "Dark mode please, and bigger fonts."),
      new Row(27, W40, 7, "support", "positive", false, "pro", "Support answered within minutes, great service."),
      new Row(28, W41, 1, "support", "negative", false, "free", "Nobody from support replied to my ticket."),
      new Row(29, W42, 6, "support", "positive", false, null, "Helpful chat agent solved my problem."),
      new Row(30, W43, 3, "support", "negative", false, "free", "Support is slow to respond."));

  private static final List<String> TOPICS = List.of("fees", "speed", "login", "darkmode", "support");

  /** The answers, ids 1..30; answer 30 has no embedding. */
  static List<AnswerRecord> all() {
    List<AnswerRecord> out = new ArrayList<>();
    for (Row r : ROWS) {
      float[] embedding = r.id() == 30 ? null : embedding(TOPICS.indexOf(r.theme()), r.id());
      out.add(new AnswerRecord(r.id(), SURVEY, r.week(), r.week().monday().plusDays(r.id() % 5),
          r.score(), ScoreBucket.of(SCALE, r.score()), r.comment(), r.theme(), label(r.theme()),
          null, r.sentiment(), r.segment(), r.fr(), embedding));
    }
    return out;
  }

  static String label(String theme) {
    return Character.toUpperCase(theme.charAt(0)) + theme.substring(1);
  }

  private static float[] embedding(int topic, int id) {
    Random noise = new Random(19650218L + id);
    float[] v = new float[AnswerFields.EMBEDDING_DIMENSION];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (noise.nextGaussian() * 0.02);
    }
    for (int i = 0; i < 8; i++) {
      v[topic * 8 + i] += 1f;
    }
    return v;
  }

}
