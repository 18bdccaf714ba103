package io.productopsdash.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Reads the rows of a list of ids with {@code IN (?, ?, ...)}, {@value #SIZE} ids per statement:
 * SQLite allows at most 32,766 parameters in one, and a caller may pass any number of ids.
 */
final class IdChunks {
  static final int SIZE = 500;

  /** Reads one row of a result. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private IdChunks() {}

  /**
   * The rows {@code sql} returns for {@code ids}, chunk after chunk.
   *
   * @param sql a query with one {@code %s} where the placeholders of a chunk go
   */
  static <T> List<T> read(Connection c, Collection<Long> ids, String sql, RowReader<T> reader) throws SQLException {
    List<T> out = new ArrayList<>();
    List<Long> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += SIZE) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + SIZE));
      try (PreparedStatement ps = c.prepareStatement(String.format(sql, placeholders(chunk.size())))) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setLong(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(reader.read(rs));
          }
        }
      }
    }
    return out;
  }

  /** {@code ?,?,...}, {@code n} times. */
  static String placeholders(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }
}
