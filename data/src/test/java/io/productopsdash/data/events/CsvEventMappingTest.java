package io.productopsdash.data.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.models.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvEventMappingTest {
  @Test
  void defaultColumnsFillFieldsAndPrefixedColumnsFoldIntoObjects() {
    CsvEventMapping.Bound bound =
        CsvEventMapping.defaults()
            .bind(List.of("messageId", "event", "userId", "timestamp", "path", "properties.plan", "context.campaign.source", "traits.email", "extra"));
    assertThat(bound.ignoredColumns()).containsExactly("extra");
    assertThat(bound.toJson(List.of("m1", "Signed Up", "u1", "2026-03-02T10:00:00Z", "/signup", "pro", "google", "", "x")).toString())
        .isEqualTo(
            "{\"messageId\":\"m1\",\"event\":\"Signed Up\",\"userId\":\"u1\",\"timestamp\":\"2026-03-02T10:00:00Z\","
                + "\"context\":{\"page\":{\"path\":\"/signup\"},\"campaign\":{\"source\":\"google\"}},\"properties\":{\"plan\":\"pro\"}}");
  }

  @Test
  void mapRenamesAndTheRenamedFieldNoLongerReadsItsDefaultColumn() {
    CsvEventMapping mapping = CsvEventMapping.parse(List.of("userId=user_id", "properties.plan=Plan", "traits.email=user_id"));
    CsvEventMapping.Bound bound = mapping.bind(List.of("userId", "user_id", "Plan", "event"));
    assertThat(bound.ignoredColumns()).containsExactly("userId");
    assertThat(bound.toJson(List.of("ignored", "u@example.com", "pro", "E")).toString())
        .isEqualTo("{\"userId\":\"u@example.com\",\"traits\":{\"email\":\"u@example.com\"},\"properties\":{\"plan\":\"pro\"},\"event\":\"E\"}");
  }

  @Test
  void badEntriesAreErrorsNamingThem() {
    assertThatThrownBy(() -> CsvEventMapping.parse(List.of("userid=x")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("userid");
    assertThatThrownBy(() -> CsvEventMapping.parse(List.of("userId")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("field=column");
    assertThatThrownBy(() -> CsvEventMapping.parse(List.of("userId=a", "userId=b"))).hasMessageContaining("twice");
    assertThatThrownBy(() -> CsvEventMapping.parse(List.of("userId=nope")).bind(List.of("a", "b")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("a, b");
  }
}
