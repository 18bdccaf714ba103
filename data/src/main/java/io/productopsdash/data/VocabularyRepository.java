package io.productopsdash.data;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the product vocabulary's workspace parts are stored: the PM-edited glossary (a JSON array
 * in the settings table) and the event and page names of the events table, read incrementally.
 */
public final class VocabularyRepository {
  static final String GLOSSARY_KEY = "vocabulary.glossary";
  private static final Gson GSON = new Gson();
  private static final Type STRINGS = new TypeToken<List<String>>() {}.getType();
  private final SettingsRepository settings = new SettingsRepository();

  /** Event and page names seen in events with an id above some point, and the highest id read. */
  public record EventNames(List<String> names, long lastId) {}

  /** The saved glossary, empty when none was saved. */
  public List<String> glossary(Connection c) throws SQLException {
    Optional<String> json = settings.get(c, GLOSSARY_KEY);
    return json.isEmpty() ? List.of() : List.copyOf(GSON.<List<String>>fromJson(json.get(), STRINGS));
  }

  /** Replaces the glossary. */
  public void saveGlossary(Connection c, List<String> terms) throws SQLException {
    settings.put(c, GLOSSARY_KEY, GSON.toJson(terms, STRINGS));
  }

  /**
   * The distinct names of track, page and screen events with an id above {@code afterId}: a scan
   * of the new rows only (the primary key range), so callers can keep what they read.
   */
  public EventNames eventNamesAfter(Connection c, long afterId) throws SQLException {
    long last = afterId;
    try (PreparedStatement ps = c.prepareStatement("SELECT max(id) FROM events")) {
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          last = Math.max(afterId, rs.getLong(1));
        }
      }
    }
    List<String> names = new ArrayList<>();
    if (last > afterId) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT DISTINCT name FROM events WHERE id > ? AND id <= ? AND name IS NOT NULL"
                  + " AND type IN ('track', 'page', 'screen')")) {
        ps.setLong(1, afterId);
        ps.setLong(2, last);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            names.add(rs.getString(1));
          }
        }
      }
    }
    return new EventNames(names, last);
  }
}
