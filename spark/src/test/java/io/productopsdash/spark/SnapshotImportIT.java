package io.productopsdash.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.data.Database;
import io.productopsdash.data.RollupSnapshotRepository;
import io.productopsdash.data.events.ImportFormat;
import io.productopsdash.definitions.json.ApiJson;
import io.productopsdash.engine.rollup.RollupFixture;
import io.productopsdash.engine.rollup.RollupService;
import io.productopsdash.engine.rollup.RollupSnapshots;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.AcquisitionReport;
import io.productopsdash.models.rollup.UsageReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's output folder back in a workspace: imported as a snapshot (whole, or refused with the
 * reason and nothing stored), and served for weeks the workspace's events do not cover, as the
 * job wrote them; where the events do cover the weeks, the engine's own numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotImportIT {
  private static final WeekId FROM = WeekId.parse("2026-W05");
  private static final WeekId TO = WeekId.parse("2026-W12");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-21T00:00:00Z"), ZoneOffset.UTC);
  /** When the answer of week 2026-W06 was given: in its week, before the job's as-of instant. */
  private static final Instant GIVEN = Instant.parse("2026-02-04T10:00:00Z");

  @TempDir static Path dir;
  private Path out;
  private Path in;

  @BeforeAll
  void runTheJob() {
    in = dir.resolve("in");
    JobRuns.writeLines(in.resolve("d/events.json"), RollupFixture.calls().stream().map(c -> c.replace('\'', '"')).toList());
    Path config = JobRuns.writeConfig(dir.resolve("metrics.json"), RollupFixture.CONFIG);
    Path answers =
        SparkRollupIT.writeAnswers(dir.resolve("answers.jsonl"), 42, SparkRollupIT.CSAT,
            List.of(new io.productopsdash.models.Answer(1, "r1", 42, "alice", WeekId.parse("2026-W06"), 6, null, null, null,
                GIVEN, GIVEN)));
    out = dir.resolve("out");
    JobRuns.run(List.of(in.toString()), RollupJobOptions.InputFormat.SEGMENT, config, FROM, TO, RollupFixture.AS_OF, out, answers);
  }

  private static RollupService workspace(Path data, MetricsConfig config) {
    Database db = Database.open(data);
    RollupService service = new RollupService(db, config.zone(), CLOCK);
    service.saveConfig(config);
    return service;
  }

  private static long snapshots(Path data) {
    try (Database db = Database.open(data)) {
      return db.read(c -> new RollupSnapshotRepository().list(c)).size();
    }
  }

  /** A copy of the job's folder to spoil. */
  private Path copy(String name) throws IOException {
    Path target = dir.resolve(name);
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    return target;
  }

  @Test
  void aWorkspaceWithoutTheEventsServesTheSnapshotSayingSo() {
    Path data = dir.resolve("empty-workspace");
    RollupService service = workspace(data, RollupFixture.CONFIG);
    RollupSnapshots.Imported imported = service.snapshots().importFolder(out, RollupFixture.CONFIG);
    assertThat(imported.snapshot().events()).isEqualTo(128);
    assertThat(imported.snapshot().from()).isEqualTo(FROM);
    assertThat(imported.snapshot().asOf()).isEqualTo(RollupFixture.AS_OF);
    assertThat(imported.snapshot().source()).startsWith("spark segment ").contains(in.toString());
    assertThat(imported.reports()).containsExactly("acquisition", "onboarding", "usage", "satisfaction 42");

    RollupService.WeekRange all = new RollupService.WeekRange(FROM, TO);
    RollupService.Served<AcquisitionReport> acquisition = service.acquisitionServed(RollupFixture.CONFIG, all, CLOCK.instant());
    assertThat(acquisition.snapshot()).isEqualTo(imported.snapshot());
    assertThat(ApiJson.GSON.toJson(acquisition.report())).isEqualTo(JobRuns.read(out.resolve("acquisition.json")));
    // Twelve weeks up to W08: the snapshot's W05..W08, as of the snapshot's instant.
    RollupService.Served<UsageReport> usage =
        service.usageServed(RollupFixture.CONFIG, new RollupService.WeekRange(WeekId.parse("2025-W50"), WeekId.parse("2026-W08")), CLOCK.instant());
    assertThat(usage.snapshot()).isNotNull();
    assertThat(usage.report().from()).isEqualTo(FROM);
    assertThat(usage.report().to()).isEqualTo(WeekId.parse("2026-W08"));
    assertThat(usage.report().weeks()).hasSize(4);
    assertThat(usage.report().asOf()).isEqualTo(RollupFixture.AS_OF);
    // Weeks the snapshot does not have: the (empty) embedded numbers, not a snapshot.
    assertThat(service.acquisitionServed(RollupFixture.CONFIG, new RollupService.WeekRange(WeekId.parse("2026-W20"), WeekId.parse("2026-W21")),
        CLOCK.instant()).snapshot()).isNull();
  }

  @Test
  void whereTheStoredEventsCoverTheWeeksTheyAreServed() {
    try (EmbeddedRollups embedded =
        new EmbeddedRollups(dir.resolve("full-workspace"), List.of(in.resolve("d/events.json")), ImportFormat.SEGMENT,
            RollupFixture.CONFIG, FROM, TO, RollupFixture.AS_OF)) {
      RollupService service = new RollupService(embedded.db(), RollupFixture.CONFIG.zone(), CLOCK);
      service.snapshots().importFolder(out, RollupFixture.CONFIG);
      // The fixture's first event is on Monday of W06: from W06 on, the stored events cover the weeks.
      RollupService.WeekRange covered = new RollupService.WeekRange(WeekId.parse("2026-W06"), TO);
      RollupService.Served<AcquisitionReport> served = service.acquisitionServed(RollupFixture.CONFIG, covered, RollupFixture.AS_OF);
      assertThat(served.snapshot()).isNull();
      assertThat(ApiJson.GSON.toJson(served.report())).isEqualTo(ApiJson.GSON.toJson(service.acquisition(RollupFixture.CONFIG, covered, RollupFixture.AS_OF)));
      // From W05 they do not (nothing was stored that week): the snapshot is served.
      assertThat(service.acquisitionServed(RollupFixture.CONFIG, new RollupService.WeekRange(FROM, TO), RollupFixture.AS_OF).snapshot()).isNotNull();
    }
  }

  @Test
  void aFolderWithoutSummaryIsRefusedAndNothingIsStored() throws IOException {
    Path folder = copy("no-summary");
    Files.delete(folder.resolve("summary.json"));
    Path data = dir.resolve("w-no-summary");
    RollupService service = workspace(data, RollupFixture.CONFIG);
    assertThatThrownBy(() -> service.snapshots().importFolder(folder, RollupFixture.CONFIG))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("summary.json");
          assertThat(e.rule()).contains("missing", "did not finish");
        });
    assertThat(snapshots(data)).isZero();
  }

  @Test
  void anotherConfigurationIsRefusedNamingEachDifference() {
    Path data = dir.resolve("w-other-config");
    MetricsConfig spec = MetricsConfig.segmentSpec(java.time.ZoneId.of("UTC"));
    RollupService service = workspace(data, spec);
    assertThatThrownBy(() -> service.snapshots().importFolder(out, spec))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("config");
          assertThat(e.rule())
              .contains("differs from the workspace's")
              .contains("firstTransactionEvents (workspace [\"Order Completed\"], job [\"Deposit Completed\"])")
              .contains("zone (workspace \"UTC\", job \"Europe/Berlin\")")
              .contains("featureAreas (workspace [], job [")
              .doesNotContain("signupEvent");
        });
    assertThat(snapshots(data)).isZero();
  }

  @Test
  void aBrokenReportIsRefusedAndNothingIsStored() throws IOException {
    Path folder = copy("broken-usage");
    Files.writeString(folder.resolve("usage.json"), JobRuns.read(out.resolve("usage.json")).substring(0, 200));
    Path data = dir.resolve("w-broken");
    RollupService service = workspace(data, RollupFixture.CONFIG);
    assertThatThrownBy(() -> service.snapshots().importFolder(folder, RollupFixture.CONFIG))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("usage.json");
          assertThat(e.rule()).contains("is not a usage report");
        });
    Files.delete(folder.resolve("onboarding.json"));
    assertThatThrownBy(() -> service.snapshots().importFolder(folder, RollupFixture.CONFIG))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isIn("onboarding.json", "usage.json"));
    assertThat(snapshots(data)).isZero();
  }
}
