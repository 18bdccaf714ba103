package io.productopsdash.data.events;

import io.productopsdash.definitions.events.PersonProperties;
import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;

/**
 * Stores normalised events: {@code INSERT OR IGNORE} on the unique messageId (a duplicate is
 * counted, not an error), links anonymous ids to users (identify with both ids, alias with
 * previousId, and any event that carries both ids), and merges the traits events give into each
 * user's ({@link PersonProperties}). Stateless; works on the caller's connection so a batch is one
 * transaction.
 */
public final class EventStore {
  /** How many of a batch were new and how many were duplicates of stored messageIds. */
  public record StoreResult(long inserted, long duplicates) {}

  /** How to read an alias call's two ids. */
  public enum AliasDirection {
    /** As the Segment spec defines it: {@code previousId} becomes {@code userId}. */
    AS_SENT,
    /**
     * Either way, decided by what is stored ({@link IdentityLinks#orientAlias}): for PostHog,
     * whose clients have named the two ids of {@code $create_alias} both ways.
     */
    BY_IDENTITIES
  }

  /** The stored type names, lower case, by ordinal (computed once rather than per row). */
  private static final String[] TYPE_NAMES =
      java.util.Arrays.stream(EventType.values()).map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);

  public StoreResult insertAll(Connection c, List<Event> events) throws SQLException {
    return insertAll(c, events, AliasDirection.AS_SENT);
  }

  /** Stores {@code events}, reading their alias calls as {@code aliases} says. */
  public StoreResult insertAll(Connection c, List<Event> events, AliasDirection aliases) throws SQLException {
    // sqlite-jdbc runs "SELECT last_insert_rowid()" after every INSERT when generated keys are on
    // (its default): a statement prepared per row, a sixth of a bulk import's time. Nothing here
    // reads generated keys, so they are off for this work and restored after.
    SQLiteConnectionConfig config = c.isWrapperFor(SQLiteConnection.class) ? c.unwrap(SQLiteConnection.class).getConnectionConfig() : null;
    boolean generatedKeys = config != null && config.isGetGeneratedKeys();
    if (generatedKeys) {
      config.setGetGeneratedKeys(false);
    }
    try {
      return insert(c, events, aliases);
    } finally {
      if (generatedKeys) {
        config.setGetGeneratedKeys(true);
      }
    }
  }

  private StoreResult insert(Connection c, List<Event> events, AliasDirection aliases) throws SQLException {
    long inserted = 0;
    try (PreparedStatement ins =
            c.prepareStatement(
                "INSERT OR IGNORE INTO events (message_id, type, name, user_id, anonymous_id, ts, received_at, path,"
                    + " properties, traits, context) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        IdentityLinks links = new IdentityLinks(c)) {
      for (Event sent : events) {
        Event e = aliases == AliasDirection.BY_IDENTITIES ? links.orientAlias(sent) : sent;
        ins.setString(1, e.messageId());
        ins.setString(2, TYPE_NAMES[e.type().ordinal()]);
        ins.setString(3, e.name());
        ins.setString(4, e.userId());
        ins.setString(5, e.anonymousId());
        ins.setLong(6, e.timestamp().toEpochMilli());
        ins.setLong(7, e.receivedAt().toEpochMilli());
        ins.setString(8, e.path());
        ins.setString(9, e.properties());
        ins.setString(10, e.traits());
        ins.setString(11, e.context());
        int n = ins.executeUpdate();
        if (n == 0) {
          continue;
        }
        inserted++;
        long at = e.timestamp().toEpochMilli();
        if (e.userId() != null && e.anonymousId() != null) {
          links.link(e.anonymousId(), e.userId(), at);
        }
        if (e.type() == EventType.ALIAS && e.previousId() != null && e.userId() != null) {
          links.link(e.previousId(), e.userId(), at);
        }
        if (e.userId() != null && e.traits() != null) {
          PersonProperties.Update operations = PersonProperties.operationsOf(e.traits());
          if (operations != null) {
            links.applyTraits(e.userId(), operations, at);
          } else if (e.type() == EventType.IDENTIFY) {
            links.mergePlainTraits(e.userId(), e.traits(), at);
          }
        }
      }
    }
    return new StoreResult(inserted, events.size() - inserted);
  }
}
