package io.productopsdash.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Installation-wide key/value settings, such as the sampling hash key. */
public final class SettingsRepository {
  public Optional<String> get(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Stores {@code value} unless the key already has one; returns the value in force. */
  public String putIfAbsent(Connection c, String key, String value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING")) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.executeUpdate();
    }
    return get(c, key).orElseThrow();
  }

  public void put(Connection c, String key, String value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.executeUpdate();
    }
  }
}
