package io.productopsdash.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.models.theme.FeatureRequest;
import io.productopsdash.models.theme.RequestStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema V010 over a database of the schema before it: every feature request keeps its id, label
 * (as its name) and answers, and the former status "acknowledged" becomes "under_review" with an
 * event saying so; the old assignment table lives on as a view for the search index.
 */
class FeatureRequestMigrationIT {
  @TempDir Path dir;

  @Test
  void requestsOfTheFormerSchemaKeepTheirIdsAnswersAndStatuses() throws Exception {
    int before = Migrations.SCRIPTS.indexOf("V010__feature_requests.sql");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
        Statement st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL)");
      for (int v = 1; v <= before; v++) {
        for (String sql : Migrations.statements(Migrations.read(Migrations.SCRIPTS.get(v - 1)))) {
          st.executeUpdate(sql);
        }
        st.executeUpdate("INSERT INTO schema_version VALUES (" + v + ", '" + Migrations.SCRIPTS.get(v - 1) + "', '2026-01-01T00:00:00Z')");
      }
      st.executeUpdate(
          "INSERT INTO surveys (id, series_id, version, name, question, kind, points, top_box, sample_rate, cooldown_weeks, active, created_at)"
              + " VALUES (1, 1, 1, 'CSAT', 'How?', 'CSAT', 7, 2, 1.0, 4, 1, '2026-01-01T00:00:00Z')");
      for (int a = 1; a <= 3; a++) {
        st.executeUpdate(
            "INSERT INTO answers (id, response_id, survey_id, user_id, week, score, comment, created_at, updated_at) VALUES ("
                + a + ", 'r" + a + "', 1, 'u" + a + "', '2026-W10', 5, 'dark mode please', '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z')");
      }
      st.executeUpdate("INSERT INTO feature_requests (id, series_id, label, status, created_at, updated_at)"
          + " VALUES (7, 1, 'dark mode', 'acknowledged', '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')");
      st.executeUpdate("INSERT INTO feature_requests (id, series_id, label, status, created_at, updated_at)"
          + " VALUES (8, 1, 'price alerts', 'planned', '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z')");
      st.executeUpdate("INSERT INTO answer_feature_requests VALUES (1, 7), (2, 7), (3, 8)");
    }
    try (Database db = Database.open(dir)) {
      FeatureRequestRepository requests = new FeatureRequestRepository();
      List<FeatureRequest> list = db.read(c -> requests.list(c, 1L));
      assertThat(list).extracting(FeatureRequest::id).containsExactly(7L, 8L);
      assertThat(list.get(0).name()).isEqualTo("dark mode");
      assertThat(list.get(0).status()).isEqualTo(RequestStatus.UNDER_REVIEW);
      assertThat(list.get(0).requesters()).isEqualTo(2);
      assertThat(list.get(1).status()).isEqualTo(RequestStatus.PLANNED);
      List<FeatureRequestRepository.EventRow> events = db.read(c -> requests.events(c, 7L));
      assertThat(events).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("status");
        assertThat(e.oldValue()).isEqualTo("acknowledged");
        assertThat(e.newValue()).isEqualTo("under_review");
        assertThat(e.actor()).isEqualTo("migration");
      });
      List<String> view = db.read(c -> {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT answer_id, request_id FROM answer_feature_requests ORDER BY answer_id")) {
          while (rs.next()) {
            out.add(rs.getLong(1) + ">" + rs.getLong(2));
          }
        }
        return out;
      });
      assertThat(view).containsExactly("1>7", "2>7", "3>8");
    }
  }
}
