package io.productopsdash.definitions.events;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The traits an event gives its user, and how they merge into the user's stored traits. An event's
 * {@link io.productopsdash.models.Event#traits()} comes in one of two forms:
 *
 * <ul>
 *   <li>plain, {@code {"plan":"pro"}}: a Segment or Amplitude identify call's traits; each value is
 *       set. A track call's plain traits are a snapshot of the user, not an update, and are left
 *       alone.
 *   <li>operations, {@code {"$set":{..},"$set_once":{..},"$unset":[..]}}: PostHog's person
 *       properties, applied from any event as PostHog applies them: {@code $set} values are set,
 *       {@code $set_once} values only where the user has no value yet (never overwriting, also not
 *       a later {@code $set_once}), {@code $unset} names are removed.
 * </ul>
 *
 * Events can arrive out of order: a set or unset from an event older than the stored traits'
 * newest update only fills values the user does not have. Plain traits are merged in SQL as a
 * JSON merge patch (a trait set to null is removed); operations in Java ({@link #merge}).
 */
public final class PersonProperties {
  public static final String SET = "$set";
  public static final String SET_ONCE = "$set_once";
  public static final String UNSET = "$unset";
  private static final Set<String> OPERATIONS = Set.of(SET, SET_ONCE, UNSET);

  /** What one event does to its user's traits. */
  public record Update(JsonObject set, JsonObject setOnce, List<String> unset) {}

  private PersonProperties() {}

  /**
   * The operations form for an event's traits, or null when all three are empty: {@code set} and
   * {@code setOnce} objects (or null), {@code unset} names (or null).
   */
  public static String operations(JsonObject set, JsonObject setOnce, JsonArray unset) {
    JsonObject ops = new JsonObject();
    if (set != null && set.size() > 0) {
      ops.add(SET, set);
    }
    if (setOnce != null && setOnce.size() > 0) {
      ops.add(SET_ONCE, setOnce);
    }
    if (unset != null && unset.size() > 0) {
      ops.add(UNSET, unset);
    }
    return ops.size() == 0 ? null : ops.toString();
  }

  /**
   * The values the traits give, whatever their form: plain traits as they are, operations as
   * {@code $set} values plus the {@code $set_once} values not also set. Null for null or
   * unreadable JSON.
   */
  public static JsonObject values(String traits) {
    JsonObject o = parse(traits);
    if (o == null || !isOperations(o)) {
      return o;
    }
    JsonObject values = new JsonObject();
    JsonObject set = JsonFields.child(o, SET);
    if (set != null) {
      set.entrySet().forEach(e -> values.add(e.getKey(), e.getValue()));
    }
    JsonObject setOnce = JsonFields.child(o, SET_ONCE);
    if (setOnce != null) {
      setOnce.entrySet().forEach(e -> {
        if (!values.has(e.getKey())) {
          values.add(e.getKey(), e.getValue());
        }
      });
    }
    return values;
  }

  /**
   * The operations a PostHog event's traits hold, or null when the traits are plain (or absent):
   * plain traits are only read as operations' absence, without parsing most of them.
   */
  public static Update operationsOf(String traits) {
    if (traits == null || !traits.startsWith("{\"$")) {
      return null;
    }
    JsonObject o = parse(traits);
    if (o == null || !isOperations(o)) {
      return null;
    }
    List<String> unset = new ArrayList<>();
    JsonElement names = o.get(UNSET);
    if (names != null && names.isJsonArray()) {
      for (JsonElement name : names.getAsJsonArray()) {
        if (name.isJsonPrimitive()) {
          unset.add(name.getAsString());
        }
      }
    }
    return new Update(JsonFields.child(o, SET), JsonFields.child(o, SET_ONCE), unset);
  }

  /**
   * {@code stored} traits (JSON or null) after {@code update}; {@code newer} when the event is at
   * least as recent as the stored traits' last update.
   */
  public static String merge(String stored, Update update, boolean newer) {
    JsonObject merged = parse(stored);
    if (merged == null) {
      merged = new JsonObject();
    }
    if (update.set() != null) {
      for (Map.Entry<String, JsonElement> e : update.set().entrySet()) {
        if (newer || !merged.has(e.getKey())) {
          merged.add(e.getKey(), e.getValue());
        }
      }
    }
    if (update.setOnce() != null) {
      for (Map.Entry<String, JsonElement> e : update.setOnce().entrySet()) {
        if (!merged.has(e.getKey())) {
          merged.add(e.getKey(), e.getValue());
        }
      }
    }
    if (newer) {
      update.unset().forEach(merged::remove);
    }
    return merged.toString();
  }

  /**
   * {@code target}'s traits with the values of {@code merged} it lacks: two ids became one person,
   * and the identified one's values win.
   */
  public static String absorb(String target, String merged) {
    JsonObject from = parse(merged);
    if (from == null || from.size() == 0) {
      return target;
    }
    return merge(target, new Update(null, from, List.of()), false);
  }

  private static boolean isOperations(JsonObject o) {
    if (o.size() == 0) {
      return false;
    }
    for (String key : o.keySet()) {
      if (!OPERATIONS.contains(key)) {
        return false;
      }
    }
    return true;
  }

  private static JsonObject parse(String json) {
    return JsonFields.parseObject(json);
  }
}
