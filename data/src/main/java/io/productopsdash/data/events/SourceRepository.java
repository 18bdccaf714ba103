package io.productopsdash.data.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HTTP event sources and their write keys. Only a key's SHA-256 (hex) is stored; the key itself
 * is shown once when the source is made. A revoked source keeps its row (so its key is refused as
 * revoked, not unknown).
 */
public final class SourceRepository {
  /** A source as stored; {@code revokedAt} null while its key is valid. */
  public record Source(long id, String name, Instant createdAt, Instant revokedAt) {
    public boolean active() {
      return revokedAt == null;
    }
  }

  public Source create(Connection c, String name, String keySha256Hex, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO sources (name, key_sha256, created_at) VALUES (?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, name);
      ps.setString(2, keySha256Hex);
      ps.setString(3, now.toString());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return new Source(keys.getLong(1), name, now, null);
      }
    }
  }

  public List<Source> list(Connection c) throws SQLException {
    List<Source> sources = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, name, created_at, revoked_at FROM sources ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        sources.add(read(rs));
      }
    }
    return sources;
  }

  public Optional<Source> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, name, created_at, revoked_at FROM sources WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** The source whose key has this SHA-256, revoked or not. */
  public Optional<Source> findByKeyHash(Connection c, String keySha256Hex) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, name, created_at, revoked_at FROM sources WHERE key_sha256 = ?")) {
      ps.setString(1, keySha256Hex);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** Revokes the source (idempotent: a revoked source keeps its first revocation time); empty if unknown. */
  public Optional<Source> revoke(Connection c, long id, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE sources SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
      ps.setString(1, now.toString());
      ps.setLong(2, id);
      ps.executeUpdate();
    }
    return find(c, id);
  }

  private static Source read(ResultSet rs) throws SQLException {
    String revoked = rs.getString(4);
    return new Source(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)), revoked == null ? null : Instant.parse(revoked));
  }
}
