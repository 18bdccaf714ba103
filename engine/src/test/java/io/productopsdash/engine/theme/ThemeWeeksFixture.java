package io.productopsdash.engine.theme;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.SurveyRepository;
import io.productopsdash.engine.cluster.ClassTfIdfLabeler;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Two weeks of hand-written comments on three obvious topics: login trouble and high prices in
 * both weeks, dark-mode requests only in week 2. Scores per topic alternate between two values
 * so the mean and its interval are easy to compute by hand.
 */
public final class ThemeWeeksFixture {
  public static final WeekId WEEK1 = WeekId.parse("2026-W10");
  public static final WeekId WEEK2 = WeekId.parse("2026-W11");
  public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  /** A third week: the three topics plus off-topic one-off comments (noise). */
  public static final WeekId WEEK3 = WeekId.parse("2026-W12");

  /** Off-topic one-off comments that belong to no theme. */
  public static final List<String> NOISE = List.of("asdf", "my cat likes boxes", "what is the weather");

  public static final List<String> LOGIN =
      List.of(
          "I cannot log in, the login page keeps failing",
          "Login fails every morning with an error",
          "The password reset email never arrives so I cannot sign in",
          "Sign in is broken, it says my password is wrong",
          "Logging in takes forever and then times out",
          "I get logged out all the time and have to log in again",
          "Two-factor login code never works",
          "Can't sign in on my phone, login just spins",
          "Login keeps rejecting my correct password",
          "The sign-in screen crashes when I enter my password",
          "Login error again today, I could not access my account",
          "Password login stopped working after the update",
          "I was locked out of my account, sign in failed three times",
          "Login page shows an error and won't let me in",
          "Signing in is so unreliable, it fails half the time",
          "Still cannot log in with my password",
          "The login form rejects my credentials");

  public static final List<String> PRICING =
      List.of(
          "The subscription is far too expensive",
          "Prices went up again, it costs too much",
          "Too pricey for what it offers, lower the price",
          "The monthly fee is way too high",
          "Expensive plan, I pay too much every month",
          "The premium price is not worth the money",
          "Cost is too high compared to competitors",
          "I will cancel because the subscription price is too expensive",
          "Pricing is outrageous for a small team",
          "The annual plan costs way too much money",
          "It is too expensive, the price doubled",
          "Paying this much per month is too expensive for me",
          "The new pricing is too high for us",
          "Way too expensive subscription fee",
          "The price of the pro plan is much too high",
          "Monthly cost is too expensive for students");

  public static final List<String> DARK_MODE =
      List.of(
          "Please add a dark mode",
          "I wish there was a dark mode for night use",
          "Please add a dark theme, the white screen hurts my eyes",
          "Would be great if you added dark mode",
          "Dark mode please, the bright background is too bright at night",
          "Please add a dark mode option",
          "I would love a dark theme",
          "Can you please add dark mode");

  /** Week 1: 10 login (scores 2,3), 10 pricing (4,5). Week 2: 7 login, 6 pricing, 8 dark mode (6,7). */
  public static Survey store(Database db) {
    AnswerRepository answers = new AnswerRepository();
    return db.write(c -> {
      Survey s = insertSurvey(c, T0);
      for (int i = 0; i < 10; i++) {
        answers.insert(c, "w1-login-" + i, s.id(), "u-login-" + i, WEEK1, 2 + i % 2, LOGIN.get(i), "en", null, T0);
        answers.insert(c, "w1-price-" + i, s.id(), "u-price-" + i, WEEK1, 4 + i % 2, PRICING.get(i), "en", null, T0);
      }
      Instant t1 = T0.plusSeconds(7 * 86400);
      for (int i = 0; i < 8; i++) {
        if (i < 7) {
          answers.insert(c, "w2-login-" + i, s.id(), "u2-login-" + i, WEEK2, 2 + i % 2, LOGIN.get(10 + i), "en", null, t1);
        }
        if (i < 6) {
          answers.insert(c, "w2-price-" + i, s.id(), "u2-price-" + i, WEEK2, 4 + i % 2, PRICING.get(10 + i), "en", null, t1);
        }
        // Two of the dark-mode answers come from the same user: 8 answers, 7 requesters.
        answers.insert(c, "w2-dark-" + i, s.id(), "u2-dark-" + Math.min(i, 6), WEEK2, 6 + i % 2, DARK_MODE.get(i), "en", null, t1);
      }
      // An answer without a comment is not clustered.
      answers.insert(c, "w2-silent", s.id(), "u2-silent", WEEK2, 7, null, "en", null, t1);
      return s;
    });
  }

  /** Inserts the fixtures' survey, created at {@code at}: weekly CSAT on a 1-7 scale with a "Why?" comment. */
  public static Survey insertSurvey(Connection c, Instant at) throws SQLException {
    return new SurveyRepository()
        .insertNew(
            c,
            new SurveyDraft(
                "Weekly CSAT", "How satisfied are you?", new Scale(ScoreKind.CSAT, 7, null, null, 2), "Why?", 1.0, 4, true),
            at);
  }

  /**
   * Week 3 of survey {@code s}: 6 login (LOGIN 0-5), 6 pricing (PRICING 0-5), 6 dark mode (DARK_MODE
   * 0-5) and the three {@link #NOISE} comments.
   */
  public static void storeNoiseWeek(Database db, Survey s) {
    AnswerRepository answers = new AnswerRepository();
    Instant t2 = T0.plusSeconds(14 * 86400);
    db.write(c -> {
      for (int i = 0; i < 6; i++) {
        answers.insert(c, "w3-login-" + i, s.id(), "u3-login-" + i, WEEK3, 2 + i % 2, LOGIN.get(i), "en", null, t2);
        answers.insert(c, "w3-price-" + i, s.id(), "u3-price-" + i, WEEK3, 4 + i % 2, PRICING.get(i), "en", null, t2);
        answers.insert(c, "w3-dark-" + i, s.id(), "u3-dark-" + i, WEEK3, 6 + i % 2, DARK_MODE.get(i), "en", null, t2);
      }
      for (int i = 0; i < NOISE.size(); i++) {
        answers.insert(c, "w3-noise-" + i, s.id(), "u3-noise-" + i, WEEK3, 4, NOISE.get(i), "en", null, t2);
      }
      return null;
    });
  }

  /** Runs {@code week} of survey {@code s}'s series with the MiniLM embedder and the class TF-IDF labeller. */
  public static WeeklyThemeRun.Result run(
      Database db, Survey s, WeekId week, WeeklyThemeRun.Options options, Clock clock, WeeklyThemeRun.Progress progress) {
    return WeeklyThemeRun.run(
        db,
        s.seriesId(),
        week,
        TextEmbedder.miniLm(2),
        ClassTfIdfLabeler.of(ClassTfIdfLabeler.DEFAULT_TERMS),
        options,
        clock,
        progress);
  }

  private ThemeWeeksFixture() {}
}
