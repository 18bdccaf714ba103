package io.productopsdash.data;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work on a connection the {@link Database} hands in. */
@FunctionalInterface
public interface SqlWork<T> {
  T apply(Connection connection) throws SQLException;
}
