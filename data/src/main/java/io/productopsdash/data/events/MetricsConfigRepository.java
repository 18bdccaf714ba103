package io.productopsdash.data.events;

import io.productopsdash.data.SettingsRepository;
import io.productopsdash.definitions.metrics.MetricsConfigJson;
import io.productopsdash.models.MetricsConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The {@link MetricsConfig} in force, kept in the settings table as {@link MetricsConfigJson}. */
public final class MetricsConfigRepository {
  static final String KEY = "metrics.config";
  private final SettingsRepository settings = new SettingsRepository();

  public Optional<MetricsConfig> find(Connection c) throws SQLException {
    return settings.get(c, KEY).map(MetricsConfigJson::read);
  }

  public void save(Connection c, MetricsConfig config) throws SQLException {
    settings.put(c, KEY, MetricsConfigJson.write(config));
  }
}
