package io.productopsdash.data.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.models.MetricsConfig;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MetricsConfigRepositoryTest {
  @Test
  void roundTripsARegionZone() {
    // Europe/Berlin is a java.time.ZoneRegion at run time: the adapter must cover subclasses.
    MetricsConfig config = MetricsConfig.walletExample(ZoneId.of("Europe/Berlin"));
    String json = MetricsConfigRepository.toJson(config);
    assertThat(json).contains("\"zone\":\"Europe/Berlin\"");
    assertThat(MetricsConfigRepository.fromJson(json)).isEqualTo(config);
  }

  @Test
  void roundTripsAnOffsetZone() {
    MetricsConfig config = MetricsConfig.walletExample(ZoneId.of("UTC"));
    assertThat(MetricsConfigRepository.fromJson(MetricsConfigRepository.toJson(config))).isEqualTo(config);
  }
}
