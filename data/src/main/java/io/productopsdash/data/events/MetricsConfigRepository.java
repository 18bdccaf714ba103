package io.productopsdash.data.events;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.productopsdash.data.SettingsRepository;
import io.productopsdash.models.MetricsConfig;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Optional;

/** The {@link MetricsConfig} in force, kept as JSON in the settings table. */
public final class MetricsConfigRepository {
  static final String KEY = "metrics.config";
  private static final Gson GSON =
      new GsonBuilder()
          // ZoneId's runtime classes (ZoneRegion, ZoneOffset) are JDK internals: a hierarchy adapter.
          .registerTypeHierarchyAdapter(
              ZoneId.class,
              new TypeAdapter<ZoneId>() {
                @Override
                public void write(JsonWriter out, ZoneId value) throws IOException {
                  out.value(value.getId());
                }

                @Override
                public ZoneId read(JsonReader in) throws IOException {
                  return ZoneId.of(in.nextString());
                }
              }.nullSafe())
          .create();
  private final SettingsRepository settings = new SettingsRepository();

  public Optional<MetricsConfig> find(Connection c) throws SQLException {
    return settings.get(c, KEY).map(MetricsConfigRepository::fromJson);
  }

  public void save(Connection c, MetricsConfig config) throws SQLException {
    settings.put(c, KEY, toJson(config));
  }

  public static String toJson(MetricsConfig config) {
    return GSON.toJson(config);
  }

  /** Parses stored or posted JSON; the record's constructor validates and names bad fields. */
  public static MetricsConfig fromJson(String json) {
    try {
      return GSON.fromJson(json, MetricsConfig.class);
    } catch (JsonParseException | java.time.DateTimeException e) {
      throw new io.productopsdash.models.InvalidInputException("body", "is not a valid metrics configuration: " + e.getMessage());
    }
  }
}
