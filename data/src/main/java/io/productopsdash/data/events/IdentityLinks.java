package io.productopsdash.data.events;

import io.productopsdash.definitions.events.PersonProperties;
import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The identity links and user traits one stored batch changes, on the batch's connection: an
 * anonymous id linked to the user it belongs to ({@code identities}), traits merged into the
 * user's ({@code user_traits}, see {@link PersonProperties}), and, for senders whose alias calls
 * do not say reliably which id is the user's, which way an alias goes.
 *
 * <p>A link may point at an id that is itself linked on (an alias of an id that was linked
 * before); readers follow links to their end ({@link EventScan#identities}), so nothing is
 * rewritten here, and traits are merged into the end of the chain.
 */
final class IdentityLinks implements AutoCloseable {
  /** Links followed at most, so a cycle in stored links cannot loop. */
  static final int MAX_HOPS = 16;

  /** A user's stored traits and when they last changed. */
  private record StoredTraits(String json, long updatedAt) {}

  private final PreparedStatement insertLink;
  private final PreparedStatement deleteLink;
  private final PreparedStatement linkedTo;
  private final PreparedStatement isLinkTarget;
  private final PreparedStatement readTraits;
  private final PreparedStatement newLinkFacts;
  private final PreparedStatement userFacts;
  private final PreparedStatement writeTraits;
  private final PreparedStatement mergePlainTraits;

  IdentityLinks(Connection c) throws SQLException {
    insertLink = c.prepareStatement("INSERT OR IGNORE INTO identities (anonymous_id, user_id, linked_at) VALUES (?,?,?)");
    deleteLink = c.prepareStatement("DELETE FROM identities WHERE anonymous_id = ?");
    linkedTo = c.prepareStatement("SELECT user_id FROM identities WHERE anonymous_id = ?");
    // No index on user_id: only asked for the rare alias whose direction is in doubt.
    isLinkTarget = c.prepareStatement("SELECT 1 FROM identities WHERE user_id = ? LIMIT 1");
    readTraits = c.prepareStatement("SELECT traits, updated_at FROM user_traits WHERE user_id = ?");
    // One statement each for the common cases of a large import (ids linked no further, no
    // traits to carry over), where every statement counts.
    newLinkFacts =
        c.prepareStatement(
            "SELECT (SELECT user_id FROM identities WHERE anonymous_id = ?), EXISTS (SELECT 1 FROM user_traits WHERE user_id = ?)");
    userFacts =
        c.prepareStatement(
            "SELECT (SELECT user_id FROM identities WHERE anonymous_id = ?1), t.traits, t.updated_at"
                + " FROM (SELECT 1) LEFT JOIN user_traits t ON t.user_id = ?1");
    writeTraits =
        c.prepareStatement(
            "INSERT INTO user_traits (user_id, traits, updated_at) VALUES (?,?,?) ON CONFLICT(user_id) DO UPDATE"
                + " SET traits = excluded.traits, updated_at = excluded.updated_at");
    // An identify call's plain traits, merged in SQL (one statement per identify of an import):
    // json_patch lets the newer side's values win and keeps the other's; the user is the end of
    // one link, as an identified id is at most linked on once in practice.
    mergePlainTraits =
        c.prepareStatement(
            "INSERT INTO user_traits (user_id, traits, updated_at)"
                + " VALUES (coalesce((SELECT user_id FROM identities WHERE anonymous_id = ?1), ?1), json(?2), ?3)"
                + " ON CONFLICT(user_id) DO UPDATE SET"
                + " traits = CASE WHEN excluded.updated_at >= user_traits.updated_at"
                + " THEN json_patch(user_traits.traits, excluded.traits) ELSE json_patch(excluded.traits, user_traits.traits) END,"
                + " updated_at = max(user_traits.updated_at, excluded.updated_at)");
  }

  /**
   * Links {@code anonymousId} to {@code userId} unless it is linked already (the first link wins,
   * as before); a new link also gives the user the traits the anonymous id had and the user lacks.
   */
  void link(String anonymousId, String userId, long at) throws SQLException {
    if (anonymousId.equals(userId)) {
      return;
    }
    insertLink.setString(1, anonymousId);
    insertLink.setString(2, userId);
    insertLink.setLong(3, at);
    if (insertLink.executeUpdate() == 0) {
      return; // the common case, an event carrying both ids of a known link: one statement
    }
    String userLinkedTo;
    boolean anonymousHasTraits;
    newLinkFacts.setString(1, userId);
    newLinkFacts.setString(2, anonymousId);
    try (ResultSet rs = newLinkFacts.executeQuery()) {
      rs.next();
      userLinkedTo = rs.getString(1);
      anonymousHasTraits = rs.getBoolean(2);
    }
    String root = userLinkedTo == null ? userId : resolve(userId);
    if (root.equals(anonymousId)) {
      // The user was linked to this id before: linking back would make a cycle.
      deleteLink.setString(1, anonymousId);
      deleteLink.executeUpdate();
      return;
    }
    if (anonymousHasTraits) {
      StoredTraits anonymous = traitsOf(anonymousId);
      StoredTraits user = traitsOf(root);
      String merged = PersonProperties.absorb(user == null ? null : user.json(), anonymous.json());
      // Nothing to give when the anonymous id's traits are empty ({} after an $unset) and the user has none.
      if (merged != null) {
        writeTraits(root, merged, Math.max(user == null ? anonymous.updatedAt() : user.updatedAt(), anonymous.updatedAt()));
      }
    }
  }

  /**
   * Merges an identify call's plain traits (a JSON object) at {@code at} into {@code userId}'s
   * (see {@link PersonProperties}); a trait set to null is removed, as in a JSON merge patch.
   */
  void mergePlainTraits(String userId, String traits, long at) throws SQLException {
    mergePlainTraits.setString(1, userId);
    mergePlainTraits.setString(2, traits);
    mergePlainTraits.setLong(3, at);
    mergePlainTraits.executeUpdate();
  }

  /** Applies {@code update} from an event at {@code at} to the traits of {@code userId}'s person. */
  void applyTraits(String userId, PersonProperties.Update update, long at) throws SQLException {
    String linkedTo;
    StoredTraits stored;
    userFacts.setString(1, userId);
    try (ResultSet rs = userFacts.executeQuery()) {
      rs.next();
      linkedTo = rs.getString(1);
      String json = rs.getString(2);
      stored = json == null ? null : new StoredTraits(json, rs.getLong(3));
    }
    String root = userId;
    if (linkedTo != null) {
      // Linked on (rare): the traits belong to the end of its links.
      root = resolve(userId);
      stored = traitsOf(root);
    }
    long updated = stored == null ? Long.MIN_VALUE : stored.updatedAt();
    String merged = PersonProperties.merge(stored == null ? null : stored.json(), update, at >= updated);
    writeTraits(root, merged, Math.max(at, updated));
  }

  /**
   * An alias whose sender may name its two ids either way (PostHog's clients have not always
   * agreed), turned so that {@code userId} is the identified id and {@code previousId} the other:
   * swapped when the stored links and traits say the previous id is the identified one (it has
   * traits, or other ids are linked to it) and the user id is not, or that the user id is an
   * anonymous id already linked to someone and the previous id is not. Otherwise as sent.
   */
  Event orientAlias(Event e) throws SQLException {
    if (e.type() != EventType.ALIAS || e.userId() == null || e.previousId() == null) {
      return e;
    }
    String user = e.userId();
    String previous = e.previousId();
    boolean previousIdentified = identified(previous);
    boolean userIdentified = identified(user);
    boolean userAnonymous = linkedTo(user) != null;
    boolean previousAnonymous = linkedTo(previous) != null;
    boolean swap = (previousIdentified && !userIdentified) || (userAnonymous && !previousAnonymous && !userIdentified);
    if (!swap) {
      return e;
    }
    return new Event(
        e.messageId(), e.type(), e.name(), previous, e.anonymousId(), user, e.timestamp(), e.receivedAt(), e.path(),
        e.properties(), e.traits(), e.context());
  }

  private boolean identified(String id) throws SQLException {
    if (traitsOf(id) != null) {
      return true;
    }
    isLinkTarget.setString(1, id);
    try (ResultSet rs = isLinkTarget.executeQuery()) {
      return rs.next();
    }
  }

  /**
   * The id at the end of {@code id}'s links (itself when not linked); on a cycle back to {@code
   * id}, the last id before it.
   */
  String resolve(String id) throws SQLException {
    String current = id;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      String next = linkedTo(current);
      if (next == null || next.equals(id)) {
        return current;
      }
      current = next;
    }
    return current;
  }

  private String linkedTo(String id) throws SQLException {
    linkedTo.setString(1, id);
    try (ResultSet rs = linkedTo.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private StoredTraits traitsOf(String userId) throws SQLException {
    readTraits.setString(1, userId);
    try (ResultSet rs = readTraits.executeQuery()) {
      return rs.next() ? new StoredTraits(rs.getString(1), rs.getLong(2)) : null;
    }
  }

  private void writeTraits(String userId, String traits, long updatedAt) throws SQLException {
    writeTraits.setString(1, userId);
    writeTraits.setString(2, traits);
    writeTraits.setLong(3, updatedAt);
    writeTraits.executeUpdate();
  }

  @Override
  public void close() throws SQLException {
    try (insertLink;
        deleteLink;
        linkedTo;
        isLinkTarget;
        readTraits;
        newLinkFacts;
        userFacts;
        writeTraits;
        mergePlainTraits) {
      // closes all nine
    }
  }
}
