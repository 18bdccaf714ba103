package io.productopsdash.definitions.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.MetricsConfig;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The configuration's JSON: what is written reads back; errors name the field. */
class MetricsConfigJsonTest {
  private static final MetricsConfig WALLET = MetricsConfig.walletExample(ZoneId.of("Europe/Berlin"));

  @Test
  void roundTrips() {
    String json = MetricsConfigJson.write(WALLET);
    assertThat(json).contains("\"zone\":\"Europe/Berlin\"");
    assertThat(MetricsConfigJson.read(json)).isEqualTo(WALLET);
  }

  @Test
  void leavesOutAbsentOptionalFieldsAndDefaultsTheWindow() {
    MetricsConfig c = MetricsConfigJson.read("{\"signupEvent\":\"S\",\"firstTransactionEvents\":[\"T\"],\"zone\":\"UTC\"}");
    assertThat(c.conversionWindowDays()).isEqualTo(MetricsConfig.DEFAULT_CONVERSION_WINDOW_DAYS);
    assertThat(c.featureAreas()).isEmpty();
    assertThat(MetricsConfigJson.write(c)).doesNotContain("supportTicketEvent", "sourceProperty", "segmentTrait");
  }

  @Test
  void errorsNameTheField() {
    assertThatThrownBy(() -> MetricsConfigJson.read("{\"signupEvent\":\"S\",\"firstTransactionEvents\":[\"T\"],\"zone\":\"UTC\","
            + "\"featureAreas\":[{\"name\":\"A\",\"pathPatterns\":[\"/a\", \"\"]}]}"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("featureAreas[0].pathPatterns[1]"));
    assertThatThrownBy(() -> MetricsConfigJson.read("{\"signupEvent\":1}"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("signupEvent"));
  }
}
