package io.productopsdash.data.events;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.productopsdash.data.Database;
import io.productopsdash.definitions.events.EventRejectedException;
import io.productopsdash.definitions.events.SkipReason;
import io.productopsdash.models.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores the events of one HTTP request: each item is normalised on its own (an invalid one is
 * reported by its index and the others are kept), then all valid events are stored in one {@link
 * Database#write}, so they are durable, together, before the request is answered.
 */
public final class EventIngestion {
  /** Turns one item of a request into an event, or throws {@link EventRejectedException}. */
  @FunctionalInterface
  public interface Normalizer {
    Event normalize(JsonObject item);
  }

  /** An item that was not stored: its index in the request, the reason, and what was wrong. */
  public record Rejection(int index, SkipReason reason, String message) {}

  /**
   * What became of a request's items: {@code inserted} new events, {@code duplicates} already
   * stored (accepted: a retry is not an error), and the rejected ones.
   */
  public record Outcome(int received, long inserted, long duplicates, List<Rejection> rejected) {
    public Outcome {
      rejected = List.copyOf(rejected);
    }

    /** Items now stored: new ones and duplicates of stored ones. */
    public long accepted() {
      return inserted + duplicates;
    }
  }

  private final Database db;
  private final EventStore store = new EventStore();

  public EventIngestion(Database db) {
    this.db = db;
  }

  /** Normalises {@code items} with {@code normalizer} and stores the valid ones in one transaction. */
  public Outcome ingest(List<JsonElement> items, Normalizer normalizer) {
    return ingest(items, normalizer, EventStore.AliasDirection.AS_SENT);
  }

  /** As {@link #ingest(List, Normalizer)}, reading alias calls as {@code aliases} says. */
  public Outcome ingest(List<JsonElement> items, Normalizer normalizer, EventStore.AliasDirection aliases) {
    List<Event> events = new ArrayList<>(items.size());
    List<Rejection> rejected = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonElement item = items.get(i);
      if (item == null || !item.isJsonObject()) {
        rejected.add(new Rejection(i, SkipReason.NOT_AN_OBJECT, "item " + i + " is not a JSON object"));
        continue;
      }
      try {
        events.add(normalizer.normalize(item.getAsJsonObject()));
      } catch (EventRejectedException e) {
        rejected.add(new Rejection(i, e.reason(), e.getMessage()));
      }
    }
    EventStore.StoreResult stored =
        events.isEmpty() ? new EventStore.StoreResult(0, 0) : db.write(c -> store.insertAll(c, events, aliases));
    return new Outcome(items.size(), stored.inserted(), stored.duplicates(), rejected);
  }
}
