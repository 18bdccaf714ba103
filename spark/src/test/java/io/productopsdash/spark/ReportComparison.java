package io.productopsdash.spark;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Two reports' JSON compared value by value: every leaf (number, string, boolean, null) at every
 * path, objects by their field names, arrays element by element. Numbers are compared exactly,
 * as the text Gson writes (the same double always gives the same text).
 */
final class ReportComparison {
  long compared;
  /** Leaves whose values differ (the other differences are of shape: a field or element missing). */
  long unequal;
  final List<String> differences = new ArrayList<>();
  /** Compares {@code expected} (the embedded engine's JSON) with {@code actual} (the Spark job's). */
  ReportComparison compare(String name, String expected, String actual) {
    walk(name, JsonParser.parseString(expected), JsonParser.parseString(actual));
    return this;
  }

  private void walk(String path, JsonElement e, JsonElement a) {
    if (e.isJsonObject() && a.isJsonObject()) {
      JsonObject eo = e.getAsJsonObject();
      JsonObject ao = a.getAsJsonObject();
      TreeSet<String> keys = new TreeSet<>(eo.keySet());
      keys.addAll(ao.keySet());
      for (String k : keys) {
        if (!eo.has(k) || !ao.has(k)) {
          differences.add(path + "." + k + ": only in " + (eo.has(k) ? "embedded" : "spark"));
          continue;
        }
        walk(path + "." + k, eo.get(k), ao.get(k));
      }
    } else if (e.isJsonArray() && a.isJsonArray()) {
      JsonArray ea = e.getAsJsonArray();
      JsonArray aa = a.getAsJsonArray();
      if (ea.size() != aa.size()) {
        differences.add(path + ": " + ea.size() + " elements in embedded, " + aa.size() + " in spark");
      }
      for (int i = 0; i < Math.min(ea.size(), aa.size()); i++) {
        walk(path + "[" + i + "]", ea.get(i), aa.get(i));
      }
    } else {
      compared++;
      if (!e.toString().equals(a.toString())) {
        unequal++;
        differences.add(path + ": embedded " + e + ", spark " + a);
      }
    }
  }
}
