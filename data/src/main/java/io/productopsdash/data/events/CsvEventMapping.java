package io.productopsdash.data.events;

import com.google.gson.JsonObject;
import io.productopsdash.definitions.events.EventRejectedException;
import io.productopsdash.definitions.events.JsonFields;
import io.productopsdash.definitions.events.SkipReason;
import io.productopsdash.models.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which CSV column fills which Segment field. By default a column named like a field fills it:
 * {@code messageId, type, event, name, userId, anonymousId, previousId, timestamp, path}, and
 * {@code properties.X}, {@code traits.X}, {@code context.X} columns (dots nest further, as in
 * {@code context.campaign.source}) are folded into those objects. {@code field=column} entries
 * ({@code --map userId=user_id}) rename; a renamed field no longer reads its default column.
 * Other columns are ignored (and listed, so a typo does not go unnoticed).
 */
public final class CsvEventMapping {
  /** Top-level fields a column can fill; {@code path} becomes {@code context.page.path}. */
  public static final List<String> FIELDS =
      List.of("messageId", "type", "event", "name", "userId", "anonymousId", "previousId", "timestamp", "path");
  static final List<String> PREFIXES = List.of("properties.", "traits.", "context.");

  private final Map<String, String> fieldToColumn;

  private CsvEventMapping(Map<String, String> fieldToColumn) {
    // Insertion order: a column mapped to several fields fills them in the order given.
    this.fieldToColumn = Collections.unmodifiableMap(new LinkedHashMap<>(fieldToColumn));
  }

  /** The default mapping: columns named like the fields. */
  public static CsvEventMapping defaults() {
    return new CsvEventMapping(Map.of());
  }

  /**
   * Parses {@code field=column} entries; an unknown field or an empty column is an error naming
   * the entry.
   */
  public static CsvEventMapping parse(List<String> entries) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new InvalidInputException("map", "must be field=column, got '" + entry + "'");
      }
      String field = entry.substring(0, eq).strip();
      String column = entry.substring(eq + 1).strip();
      if (!isField(field)) {
        throw new InvalidInputException(
            "map",
            "'" + field + "' is not a field; use one of " + String.join(", ", FIELDS)
                + " or properties.X, traits.X, context.X (in '" + entry + "')");
      }
      if (column.isEmpty()) {
        throw new InvalidInputException("map", "the column name is empty in '" + entry + "'");
      }
      if (map.put(field, column) != null) {
        throw new InvalidInputException("map", "field '" + field + "' is mapped twice");
      }
    }
    return new CsvEventMapping(map);
  }

  static boolean isField(String name) {
    if (FIELDS.contains(name)) {
      return true;
    }
    for (String prefix : PREFIXES) {
      if (name.startsWith(prefix) && name.length() > prefix.length() && !name.endsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Binds the mapping to a file's header; a mapped column missing from the header is an error
   * naming it and the header.
   */
  public Bound bind(List<String> header) {
    List<List<String[]>> targets = new ArrayList<>(header.size());
    List<String> ignored = new ArrayList<>();
    for (Map.Entry<String, String> e : fieldToColumn.entrySet()) {
      if (!header.contains(e.getValue())) {
        throw new InvalidInputException(
            "map",
            "column '" + e.getValue() + "' (for " + e.getKey() + "=" + e.getValue() + ") is not in the header: "
                + String.join(", ", header));
      }
    }
    for (String column : header) {
      List<String[]> fields = new ArrayList<>(1);
      for (Map.Entry<String, String> e : fieldToColumn.entrySet()) {
        if (e.getValue().equals(column)) {
          fields.add(path(e.getKey()));
        }
      }
      if (fields.isEmpty() && isField(column) && !fieldToColumn.containsKey(column)) {
        fields.add(path(column));
      }
      if (fields.isEmpty()) {
        ignored.add(column);
      }
      targets.add(List.copyOf(fields));
    }
    return new Bound(List.copyOf(targets), List.copyOf(ignored));
  }

  /** Where a field's value goes in the Segment JSON: {@code path} is {@code context.page.path}. */
  private static String[] path(String field) {
    return field.equals("path") ? new String[] {"context", "page", "path"} : field.split("\\.");
  }

  /** A mapping bound to a header: per column, the JSON paths it fills. */
  public static final class Bound {
    private final List<List<String[]>> targets;
    private final List<String> ignoredColumns;

    Bound(List<List<String[]>> targets, List<String> ignoredColumns) {
      this.targets = targets;
      this.ignoredColumns = ignoredColumns;
    }

    /** Header columns that fill no field. */
    public List<String> ignoredColumns() {
      return ignoredColumns;
    }

    public int columns() {
      return targets.size();
    }

    /** A row (as many values as the header has columns) as Segment JSON; empty values are absent. */
    public JsonObject toJson(List<String> values) {
      JsonObject o = new JsonObject();
      for (int i = 0; i < values.size(); i++) {
        String value = values.get(i);
        if (value == null || value.isEmpty()) {
          continue;
        }
        for (String[] path : targets.get(i)) {
          JsonObject parent = o;
          for (int k = 0; k < path.length - 1; k++) {
            JsonObject child = JsonFields.child(parent, path[k]);
            if (child == null) {
              if (parent.has(path[k])) {
                throw new EventRejectedException(
                    SkipReason.BAD_FIELD, "column " + String.join(".", path) + " clashes with a value of " + path[k]);
              }
              child = new JsonObject();
              parent.add(path[k], child);
            }
            parent = child;
          }
          parent.addProperty(path[path.length - 1], value);
        }
      }
      return o;
    }
  }
}
