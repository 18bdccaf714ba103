package io.productopsdash.spark;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.productopsdash.definitions.events.PersonProperties;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event store's identity rules replayed in memory over one group of connected ids, event by
 * event in stored order, so the job ends with the store's links and traits (the store's {@code
 * EventStore} with its {@code IdentityLinks}, as a file import runs them):
 *
 * <ul>
 *   <li>an event carrying both ids links its anonymousId to its userId, an alias its previousId
 *       (after the event's own link): the first link of an id wins; a link that would close a
 *       cycle is taken back; a new link gives the user's traits the values the anonymous id had
 *       and the user lacks ({@link PersonProperties#absorb}), at the end of the user's links;
 *   <li>an identify's plain traits are merged into the traits of its userId, or of the id it is
 *       linked to (one step), as SQLite's {@code json_patch} merges them: the newer side's values
 *       win, a trait set to null is removed, the first traits of an id are kept as sent;
 *   <li>PostHog's person-property operations ({@code $set}, {@code $set_once}, {@code $unset}) from
 *       any event go to the end of its userId's links ({@link PersonProperties#merge});
 *   <li>every linked id resolves to the end of its links (at most {@value #MAX_HOPS} steps; a
 *       cycle back to the id stops before it), as the store's scan resolves it.
 * </ul>
 *
 * Ids in different groups never meet in these rules, so each group replays on its own.
 */
final class IdentityReplay {
  /** Links followed at most (the store's {@code IdentityLinks.MAX_HOPS}). */
  static final int MAX_HOPS = 16;

  /** An id's traits (JSON) and when they last changed. */
  record Traits(String json, long updatedAt) {}

  private final Map<String, String> links = new LinkedHashMap<>();
  private final Map<String, Traits> traits = new HashMap<>();

  /** Applies one event: its ids, type, timestamp and traits JSON (null when it has none). */
  void apply(String type, String userId, String anonymousId, String previousId, long at, String traitsJson) {
    if (userId != null && anonymousId != null) {
      link(anonymousId, userId, at);
    }
    if ("alias".equals(type) && previousId != null && userId != null) {
      link(previousId, userId, at);
    }
    if (userId != null && traitsJson != null) {
      PersonProperties.Update operations = PersonProperties.operationsOf(traitsJson);
      if (operations != null) {
        applyOperations(userId, operations, at);
      } else if ("identify".equals(type)) {
        mergePlain(userId, traitsJson, at);
      }
    }
  }

  private void link(String anonymousId, String userId, long at) {
    if (anonymousId.equals(userId) || links.containsKey(anonymousId)) {
      return;
    }
    links.put(anonymousId, userId);
    String root = links.get(userId) == null ? userId : resolve(userId);
    if (root.equals(anonymousId)) {
      links.remove(anonymousId);
      return;
    }
    Traits anonymous = traits.get(anonymousId);
    if (anonymous != null) {
      Traits user = traits.get(root);
      String merged = PersonProperties.absorb(user == null ? null : user.json(), anonymous.json());
      if (merged != null) {
        traits.put(root, new Traits(merged, Math.max(user == null ? anonymous.updatedAt() : user.updatedAt(), anonymous.updatedAt())));
      }
    }
  }

  private void mergePlain(String userId, String json, long at) {
    String target = links.getOrDefault(userId, userId);
    Traits stored = traits.get(target);
    if (stored == null) {
      traits.put(target, new Traits(JsonParser.parseString(json).toString(), at));
      return;
    }
    JsonElement sent = JsonParser.parseString(json);
    JsonElement kept = JsonParser.parseString(stored.json());
    JsonElement merged = at >= stored.updatedAt() ? mergePatch(kept, sent) : mergePatch(sent, kept);
    traits.put(target, new Traits(merged.toString(), Math.max(stored.updatedAt(), at)));
  }

  private void applyOperations(String userId, PersonProperties.Update update, long at) {
    String root = links.get(userId) == null ? userId : resolve(userId);
    Traits stored = traits.get(root);
    long updated = stored == null ? Long.MIN_VALUE : stored.updatedAt();
    String merged = PersonProperties.merge(stored == null ? null : stored.json(), update, at >= updated);
    traits.put(root, new Traits(merged, Math.max(at, updated)));
  }

  /** The id at the end of {@code id}'s links; on a cycle back to {@code id}, the last one before it. */
  String resolve(String id) {
    String current = id;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      String next = links.get(current);
      if (next == null || next.equals(id)) {
        return current;
      }
      current = next;
    }
    return current;
  }

  /** Each linked id with the id its links end at (the store scan's resolution). */
  Map<String, String> ends() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> link : links.entrySet()) {
      String end = link.getValue();
      for (int hop = 1; hop < MAX_HOPS; hop++) {
        String next = links.get(end);
        if (next == null || next.equals(link.getKey())) {
          break;
        }
        end = next;
      }
      out.put(link.getKey(), end);
    }
    return out;
  }

  /** Every id's traits as stored at the end. */
  Map<String, Traits> traits() {
    return traits;
  }

  /**
   * RFC 7396 merge patch, as SQLite's {@code json_patch(target, patch)}: a non-object patch
   * replaces the target; an object patch removes the members it sets to null and merges the
   * others member by member into the target (an object, or {@code {}} in place of anything else).
   */
  static JsonElement mergePatch(JsonElement target, JsonElement patch) {
    if (!patch.isJsonObject()) {
      return patch;
    }
    JsonObject out = new JsonObject();
    if (target != null && target.isJsonObject()) {
      target.getAsJsonObject().entrySet().forEach(e -> out.add(e.getKey(), e.getValue()));
    }
    for (Map.Entry<String, JsonElement> e : patch.getAsJsonObject().entrySet()) {
      if (e.getValue() == null || e.getValue() instanceof JsonNull) {
        out.remove(e.getKey());
      } else {
        out.add(e.getKey(), mergePatch(out.get(e.getKey()), e.getValue()));
      }
    }
    return out;
  }
}
